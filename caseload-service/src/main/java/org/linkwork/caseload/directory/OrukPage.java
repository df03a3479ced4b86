package org.linkwork.caseload.directory;

import java.math.BigDecimal;
import java.util.List;

/**
 * The part of the directory's ORUK (HSDS 3) search page and service that caseload reads: its own reading
 * of the directory's published OpenAPI, never its classes. {@link DirectoryClient}'s object mapper reads
 * snake_case names and ignores unknown fields, so the directory can add to its responses.
 * {@code capacity} and {@code distance} are Linkwork extensions.
 */
public record OrukPage(long totalItems, int totalPages, int pageNumber, List<Service> contents) {

    public record Service(String id, String name, String status, Integer minimumAge, Integer maximumAge,
            Organization organization, List<ServiceAtLocation> serviceAtLocations, List<CostOption> costOptions,
            Capacity capacity, Long distance, List<Attribute> attributes) {
    }

    /** A service's link to a taxonomy term: the kinds of activity it offers. */
    public record Attribute(TaxonomyTerm taxonomyTerm) {
    }

    public record TaxonomyTerm(String id, String code, String name, String taxonomyId) {
    }

    public record Organization(String id, String name) {
    }

    public record ServiceAtLocation(Location location) {
    }

    public record Location(String name, List<Accessibility> accessibility) {
    }

    public record Accessibility(String description, String details) {
    }

    public record CostOption(String option, String currency, BigDecimal amount, String amountDescription) {
    }

    /** {@code places_available} is absent when the service records no limit. */
    public record Capacity(Integer placesPerSession, Integer placesTaken, Integer placesAvailable) {
    }
}
