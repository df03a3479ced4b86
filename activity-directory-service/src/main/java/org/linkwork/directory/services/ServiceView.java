package org.linkwork.directory.services;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import org.linkwork.directory.organizations.OrganizationView;
import org.linkwork.directory.taxonomies.TaxonomyTermView;

/**
 * HSDS 3 / ORUK {@code service}, fully nested. {@code capacity}, {@code referral}, {@code distance}
 * and {@code version} are Linkwork extensions (HSDS allows additional properties).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ServiceView(String id, String organizationId, String name, String description, String url,
        String email, String status, String feesDescription, String eligibilityDescription, Integer minimumAge,
        Integer maximumAge, String lastModified, OrganizationView organization, List<ScheduleView> schedules,
        List<ServiceAtLocationView> serviceAtLocations, List<AttributeView> attributes, List<ContactView> contacts,
        List<CostOptionView> costOptions, List<LanguageView> languages, Capacity capacity, Referral referral,
        Long distance, Long version) {

    /** How much of each service a search returns: HSDS 3's three representations. */
    public enum Representation {
        /** Everything, nested (Linkwork's default, and {@code full=true}). */
        FULL,
        /** HSDS {@code service_list}: the one-to-one fields and the organization, no nested lists ({@code full=false}). */
        LIST,
        /** HSDS {@code minimal}: id and last_modified only, for a client keeping its own copy in step. */
        MINIMAL
    }

    /** Places per session, places taken by current social prescriptions, and what is left. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Capacity(Integer placesPerSession, int placesTaken, Integer placesAvailable) {

        static Capacity of(Service s) {
            return new Capacity(s.placesPerSession, s.placesTaken,
                    s.placesPerSession == null ? null : Math.max(0, s.placesPerSession - s.placesTaken));
        }
    }

    /** How someone gets a place: on their own, through a link worker, and what to do. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Referral(Boolean selfReferral, Boolean linkWorkerReferral, String instructions) {

        static Referral of(Service s) {
            return new Referral(s.selfReferral, s.linkWorkerReferral, s.referralInstructions);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScheduleView(String id, String serviceId, String freq, String byday, String opensAt,
            String closesAt, String validFrom, String validTo, String description) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocationView(String id, String serviceId, String locationId, String description,
            LocationView location) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttributeView(String id, String linkId, String linkType, String linkEntity, String taxonomyTermId,
            TaxonomyTermView taxonomyTerm) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContactView(String id, String serviceId, String name, String title, String email,
            List<PhoneView> phones) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record PhoneView(String id, String contactId, String number) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CostOptionView(String id, String serviceId, String option, String currency, BigDecimal amount,
            String amountDescription) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LanguageView(String id, String serviceId, String name, String code, String note) {
    }

    /**
     * A service as a search returns it; {@code distance} in metres when the search was near a postcode;
     * {@code capacity} only for callers who may see places taken by patients' prescriptions. The nested lists are
     * read only for {@link Representation#FULL}, so a listed page loads no child rows.
     */
    public static ServiceView of(Service s, Long distance, boolean withCapacity, Representation representation) {
        String id = s.id.toString();
        if (representation == Representation.MINIMAL) {
            return new ServiceView(id, null, null, null, null, null, null, null, null, null, null,
                    dateTime(s.lastModified), null, null, null, null, null, null, null, null, null, null, null);
        }
        boolean nested = representation == Representation.FULL;
        return new ServiceView(id, s.organization.id.toString(), s.name, s.description, s.url, s.email, s.status,
                s.feesDescription, s.eligibilityDescription, s.minimumAge, s.maximumAge,
                dateTime(s.lastModified), OrganizationView.of(s.organization),
                nested ? s.schedules.stream().map(x -> new ScheduleView(x.id.toString(), id, x.freq, x.byday, time(x.opensAt),
                        time(x.closesAt), text(x.validFrom), text(x.validTo), x.description)).toList() : null,
                nested ? s.serviceAtLocations.stream().map(x -> new ServiceAtLocationView(x.id.toString(), id,
                        x.location.id.toString(), x.description, LocationView.of(x.location))).toList() : null,
                nested ? s.attributes.stream().map(x -> new AttributeView(x.id.toString(), id, "service", "service",
                        x.term.id.toString(), TaxonomyTermView.of(x.term))).toList() : null,
                nested ? s.contacts.stream().map(x -> new ContactView(x.id.toString(), id, x.name, x.title, x.email,
                        // A contact's single phone shares the contact's id.
                        x.phone == null ? List.of() : List.of(new PhoneView(x.id.toString(), x.id.toString(), x.phone))))
                        .toList() : null,
                nested ? s.costOptions.stream().map(x -> new CostOptionView(x.id.toString(), id, x.option, x.currency, x.amount,
                        x.amountDescription)).toList() : null,
                nested ? s.languages.stream().map(x -> new LanguageView(x.id.toString(), id, x.name, x.code, x.note)).toList()
                        : null,
                withCapacity ? Capacity.of(s) : null, Referral.of(s), distance, s.version);
    }

    /** The full nested view, as every answer but a search that asks for less gives it. */
    public static ServiceView of(Service s, Long distance, boolean withCapacity) {
        return of(s, distance, withCapacity, Representation.FULL);
    }

    /**
     * RFC 3339 in UTC, always with seconds, and with the stored fraction so that an export imported
     * again compares equal: {@code OffsetDateTime.toString()} leaves out zero seconds
     * ({@code 2026-05-15T09:00Z}), which no date-time validator accepts.
     */
    public static String dateTime(OffsetDateTime value) {
        return value == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
    }

    private static String time(LocalTime time) {
        return time == null ? null : time.toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
