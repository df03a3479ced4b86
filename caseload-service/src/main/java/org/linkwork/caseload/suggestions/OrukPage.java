package org.linkwork.caseload.suggestions;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * The part of the directory's ORUK (HSDS 3) search page that suggestions read: caseload's own reading
 * of the directory's published OpenAPI, never its classes. Unknown fields are ignored so the
 * directory can add to its responses. {@code capacity} and {@code distance} are Linkwork extensions.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonIgnoreProperties(ignoreUnknown = true)
public record OrukPage(long totalItems, int totalPages, int pageNumber, List<Service> contents) {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Service(String id, String name, String status, Integer minimumAge, Integer maximumAge,
            Organization organization, List<ServiceAtLocation> serviceAtLocations, List<CostOption> costOptions,
            Capacity capacity, Long distance) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Organization(String id, String name) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ServiceAtLocation(Location location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Location(String name, List<Accessibility> accessibility) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Accessibility(String description, String details) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CostOption(String option, String currency, BigDecimal amount, String amountDescription) {
    }

    /** {@code places_available} is absent when the service records no limit. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Capacity(Integer placesPerSession, Integer placesTaken, Integer placesAvailable) {
    }
}
