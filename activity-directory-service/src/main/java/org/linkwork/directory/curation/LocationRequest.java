package org.linkwork.directory.curation;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.linkwork.directory.services.LocationView;
import org.linkwork.directory.services.LocationView.AccessibilityView;
import org.linkwork.directory.services.LocationView.AddressView;

/**
 * A curator's location, named like the HSDS JSON fields; {@code version} is the version last read.
 * The postcode is a UK postcode, upper case, with its space: {@code LS6 3HN}.
 */
public record LocationRequest(
        UUID organization_id,
        @NotBlank @Size(max = 200) String name,
        @Size(max = 4000) String description,
        @NotBlank String address_1,
        @NotBlank String city,
        String state_province,
        @NotBlank @Pattern(regexp = "^[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2}$", message = "must be a UK postcode like LS6 3HN") String postal_code,
        // The bounding box of the United Kingdom: a swapped latitude/longitude lands far outside it.
        @NotNull @DecimalMin(value = "49.8", message = "must be inside the UK") @DecimalMax(value = "60.9", message = "must be inside the UK") Double latitude,
        @NotNull @DecimalMin(value = "-8.7", message = "must be inside the UK") @DecimalMax(value = "1.8", message = "must be inside the UK") Double longitude,
        List<@NotBlank String> accessibility,
        Long version) {

    /** Accessibility features are replaced as sent, under new ids. */
    LocationView toOruk(UUID id) {
        String location = id.toString();
        return new LocationView(location, "physical", organization_id == null ? null : organization_id.toString(), name, description,
                latitude, longitude, List.of(new AddressView(location, location, address_1, city, state_province, postal_code, "GB", "physical")),
                Objects.requireNonNullElse(accessibility, List.<String>of()).stream()
                        .map(feature -> new AccessibilityView(UUID.randomUUID().toString(), location, feature, null, null)).toList(),
                version == null ? 0 : version);
    }
}
