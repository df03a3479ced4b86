package org.linkwork.directory.services;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS 3 {@code location} with its one physical address and its accessibility features. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LocationView(String id, String locationType, String organizationId, String name, String description,
        Double latitude, Double longitude, List<AddressView> addresses, List<AccessibilityView> accessibility,
        long version) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AddressView(String id, String locationId, @JsonProperty("address_1") String address1, String city, String stateProvince,
            String postalCode, String country, String addressType) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccessibilityView(String id, String locationId, String description, String details, String url) {
    }

    public static LocationView of(Location location) {
        String id = location.id.toString();
        // One address per location here, so it shares the location's id.
        List<AddressView> addresses = location.address1 == null ? List.of()
                : List.of(new AddressView(id, id, location.address1, location.city,
                        location.stateProvince == null ? location.city : location.stateProvince, location.postalCode,
                        "GB", "physical"));
        return new LocationView(id, location.locationType,
                location.organizationId == null ? null : location.organizationId.toString(), location.name,
                location.description, location.latitude, location.longitude, addresses,
                location.accessibility.stream().map(a -> new AccessibilityView(a.id.toString(), id, a.description,
                        a.details, a.url)).toList(),
                location.version);
    }
}
