package org.linkwork.directory.curation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.linkwork.directory.services.Accessibility;
import org.linkwork.directory.services.Location;
import org.linkwork.directory.services.LocationRepository;
import org.linkwork.directory.organizations.Organization;
import org.linkwork.directory.organizations.OrganizationRepository;
import org.linkwork.directory.services.Attribute;
import org.linkwork.directory.services.Contact;
import org.linkwork.directory.services.CostOption;
import org.linkwork.directory.services.Language;
import org.linkwork.directory.services.Schedule;
import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceAtLocation;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.services.ServiceChanged.Change;
import org.linkwork.directory.services.ServiceRepository;
import org.linkwork.directory.services.ServiceView;
import org.linkwork.directory.taxonomies.Taxonomy;
import org.linkwork.directory.taxonomies.TaxonomyRepository;
import org.linkwork.directory.taxonomies.TaxonomyTerm;
import org.linkwork.directory.taxonomies.TaxonomyTermRepository;
import org.linkwork.platform.problem.ProblemException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Loads an ORUK / HSDS 3 JSON export (fully nested services) so an existing council or VCSE
 * directory can be brought in. Idempotent by id: every object is inserted or updated under the id
 * it carries, and a value that is already stored is left alone, so importing the same export again
 * changes nothing, not even versions, and announces nothing. Services it creates or changes are
 * announced on {@code directory-events} in the import's transaction, as a curator's edits are.
 * Places taken are live data and never imported.
 */
@ApplicationScoped
public class OrukImport {

    private static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> FREQUENCIES = Set.of("WEEKLY", "MONTHLY");
    /** numeric(10, 2) */
    private static final BigDecimal MOST_AMOUNT = new BigDecimal("99999999.99");


    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final OrganizationRepository organizations;
    private final LocationRepository locations;
    private final ServiceRepository services;
    private final TaxonomyRepository taxonomies;
    private final TaxonomyTermRepository terms;
    private final Event<ServiceChanged> changed;
    private final ObjectMapper json;

    OrukImport(OrganizationRepository organizations, LocationRepository locations, ServiceRepository services,
            TaxonomyRepository taxonomies, TaxonomyTermRepository terms, Event<ServiceChanged> changed, ObjectMapper json) {
        this.organizations = organizations;
        this.locations = locations;
        this.services = services;
        this.taxonomies = taxonomies;
        this.terms = terms;
        this.changed = changed;
        this.json = json;
    }

    @Transactional
    public ImportView load(JsonNode export) {
        return load(export, false);
    }

    /**
     * Imports only the services of an export that are not stored yet, with their places taken (part of a
     * demo directory's picture), and leaves stored ones alone: run at every start, it keeps places taken
     * since and curators' edits.
     */
    @Transactional
    public ImportView seed(JsonNode export) {
        return load(export, true);
    }

    private ImportView load(JsonNode export, boolean onlyNew) {
        JsonNode items = export.isArray() ? export : export.path("contents");
        String prefix = export.isArray() ? "" : "contents";
        if (!items.isArray()) {
            throw ProblemException.badRequest("body", "must be an array of services or an ORUK page with contents");
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < items.size(); i++) {
            String field = prefix + "[" + i + "]";
            boolean stored = onlyNew && services.findByIdOptional(id(items.get(i), field)).isPresent();
            outcomes.merge(stored ? Outcome.UNCHANGED : service(items.get(i), field, onlyNew), 1, Integer::sum);
        }
        return new ImportView(items.size(), outcomes.getOrDefault(Outcome.CREATED, 0),
                outcomes.getOrDefault(Outcome.UPDATED, 0), outcomes.getOrDefault(Outcome.UNCHANGED, 0));
    }

    /**
     * Imports one service and announces it like a curator's edit: published when new, updated (or
     * withdrawn when it became inactive) when anything a reader sees changed, nothing when identical.
     */
    private Outcome service(JsonNode json, String field, boolean withPlacesTaken) {
        UUID id = id(json, field);
        String name = required(json, "name", field);
        String status = required(json, "status", field);
        if (!STATUSES.contains(status)) {
            throw ProblemException.badRequest(field + ".status", "must be one of " + STATUSES);
        }
        Integer minimumAge = integer(json, "minimum_age", field);
        Integer maximumAge = integer(json, "maximum_age", field);
        if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
            throw ProblemException.badRequest(field + ".maximum_age", "must not be less than minimum_age");
        }
        Organization organization = organization(json, field);
        Service service = services.findById(id);
        boolean isNew = service == null;
        JsonNode before = null;
        String statusBefore = null;
        long versionBefore = 0;
        if (isNew) {
            service = new Service();
            service.id = id;
            service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);
        } else {
            // The organization was applied above; a change to it still shows, as its version moves at flush.
            before = readable(service);
            statusBefore = service.status;
            versionBefore = service.version;
        }
        service.organization = organization;
        service.name = name;
        service.description = text(json, "description");
        service.url = text(json, "url");
        service.email = text(json, "email");
        service.status = status;
        service.feesDescription = text(json, "fees_description");
        service.eligibilityDescription = text(json, "eligibility_description");
        service.minimumAge = minimumAge;
        service.maximumAge = maximumAge;
        service.placesPerSession = integer(json.path("capacity"), "places_per_session", field + ".capacity");
        if (isNew && withPlacesTaken) {
            Integer taken = integer(json.path("capacity"), "places_taken", field + ".capacity");
            service.placesTaken = taken == null ? 0 : taken;
        }
        JsonNode referral = json.path("referral");
        service.selfReferral = referral.path("self_referral").asBoolean(false);
        service.linkWorkerReferral = referral.path("link_worker_referral").asBoolean(true);
        service.referralInstructions = text(referral, "instructions");
        OffsetDateTime modified = dateTime(json, "last_modified", field);
        if (modified != null && !modified.isEqual(service.lastModified)) {
            service.lastModified = modified;
        }
        if (isNew) {
            services.persist(service);
        }
        Service owner = service;
        sync(service.serviceAtLocations, json.path("service_at_locations"), field + ".service_at_locations", s -> s.id,
                newId -> {
                    ServiceAtLocation created = new ServiceAtLocation();
                    created.id = newId;
                    return created;
                }, (at, j, f) -> {
                    at.service = owner;
                    at.location = location(j.path("location"), f + ".location");
                    at.description = text(j, "description");
                });
        sync(service.schedules, json.path("schedules"), field + ".schedules", s -> s.id, newId -> {
                    Schedule created = new Schedule();
                    created.id = newId;
                    return created;
                }, (s, j, f) -> {
            s.service = owner;
            s.freq = j.path("freq").asText("WEEKLY");
            if (!FREQUENCIES.contains(s.freq)) {
                throw ProblemException.badRequest(f + ".freq", "must be one of " + FREQUENCIES);
            }
            s.byday = text(j, "byday");
            s.opensAt = time(j, "opens_at", f);
            s.closesAt = time(j, "closes_at", f);
            if (s.opensAt != null && s.closesAt != null && !s.opensAt.isBefore(s.closesAt)) {
                throw ProblemException.badRequest(f + ".closes_at", "must be after opens_at");
            }
            s.validFrom = date(j, "valid_from", f);
            s.validTo = date(j, "valid_to", f);
            s.description = text(j, "description");
        });
        sync(service.costOptions, json.path("cost_options"), field + ".cost_options", c -> c.id, newId -> {
                    CostOption created = new CostOption();
                    created.id = newId;
                    return created;
                }, (c, j, f) -> {
            c.service = owner;
            c.option = text(j, "option");
            c.currency = text(j, "currency");
            BigDecimal amount = j.hasNonNull("amount") ? j.get("amount").decimalValue() : null;
            if (amount != null && (amount.signum() < 0 || amount.compareTo(MOST_AMOUNT) > 0)) {
                throw ProblemException.badRequest(f + ".amount", "must be from 0 to " + MOST_AMOUNT);
            }
            // Stored as numeric(10,2): 2.5 and 2.50 are the same price, not a change.
            if (amount == null || c.amount == null || amount.compareTo(c.amount) != 0) {
                c.amount = amount;
            }
            c.amountDescription = text(j, "amount_description");
        });
        sync(service.languages, json.path("languages"), field + ".languages", l -> l.id, newId -> {
                    Language created = new Language();
                    created.id = newId;
                    return created;
                }, (l, j, f) -> {
            l.service = owner;
            l.name = text(j, "name");
            l.code = text(j, "code");
            l.note = text(j, "note");
        });
        sync(service.contacts, json.path("contacts"), field + ".contacts", c -> c.id, newId -> {
                    Contact created = new Contact();
                    created.id = newId;
                    return created;
                }, (c, j, f) -> {
            c.service = owner;
            c.name = text(j, "name");
            c.title = text(j, "title");
            c.email = text(j, "email");
            c.phone = text(j.path("phones").path(0), "number");
        });
        sync(service.attributes, json.path("attributes"), field + ".attributes", a -> a.id, newId -> {
                    Attribute created = new Attribute();
                    created.id = newId;
                    return created;
                }, (a, j, f) -> {
            a.service = owner;
            a.term = term(j.path("taxonomy_term"), f + ".taxonomy_term");
        });
        services.flush();
        if (isNew) {
            changed.fire(ServiceChanged.of(Change.PUBLISHED, service));
            return Outcome.CREATED;
        }
        if (before.equals(readable(service))) {
            return Outcome.UNCHANGED;
        }
        if (service.version == versionBefore) {
            // Only child rows changed, which Hibernate's dirty check on the service does not see.
            services.forceNewVersion(service);
        }
        if ("inactive".equals(service.status) && !"inactive".equals(statusBefore)) {
            changed.fire(ServiceChanged.of(Change.WITHDRAWN, service));
        } else {
            changed.fire(ServiceChanged.of(Change.UPDATED, service));
        }
        return Outcome.UPDATED;
    }

    /** What a reader of the service sees, its own version aside, to tell a real change from a repeated import. */
    private JsonNode readable(Service service) {
        ObjectNode view = json.valueToTree(ServiceView.of(service, null, true));
        view.remove("version");
        return view;
    }

    private interface Apply<T> {
        void apply(T entity, JsonNode json, String field);
    }

    /** Updates children whose id is in the export, adds new ones, removes those no longer exported. */
    private <T> void sync(List<T> children, JsonNode json, String field, Function<T, UUID> idOf, Function<UUID, T> create,
            Apply<T> apply) {
        if (!json.isMissingNode() && !json.isNull() && !json.isArray()) {
            throw ProblemException.badRequest(field, "must be an array");
        }
        List<T> kept = new ArrayList<>();
        for (int i = 0; i < json.size(); i++) {
            JsonNode item = json.get(i);
            String itemField = field + "[" + i + "]";
            UUID id = id(item, itemField);
            T child = children.stream().filter(c -> idOf.apply(c).equals(id)).findFirst().orElse(null);
            if (child == null) {
                child = create.apply(id);
            }
            apply.apply(child, item, itemField);
            kept.add(child);
        }
        children.removeIf(c -> !kept.contains(c));
        kept.stream().filter(c -> !children.contains(c)).forEach(children::add);
    }

    private Organization organization(JsonNode service, String field) {
        JsonNode json = service.path("organization");
        if (json.isMissingNode() || json.isNull()) {
            UUID id = id(service, field, "organization_id");
            Organization existing = organizations.findById(id);
            if (existing == null) {
                throw ProblemException.unprocessable(field + ".organization_id", "no such organization and none nested");
            }
            return existing;
        }
        String f = field + ".organization";
        UUID id = id(json, f);
        Organization organization = organizations.findById(id);
        boolean isNew = organization == null;
        if (isNew) {
            organization = new Organization();
            organization.id = id;
        }
        organization.name = required(json, "name", f);
        organization.description = required(json, "description", f);
        organization.email = text(json, "email");
        organization.website = text(json, "website");
        if (isNew) {
            organizations.persist(organization);
        }
        return organization;
    }

    private Location location(JsonNode json, String field) {
        UUID id = id(json, field);
        Location location = locations.findById(id);
        boolean isNew = location == null;
        if (isNew) {
            location = new Location();
            location.id = id;
        }
        Double latitude = json.hasNonNull("latitude") ? json.get("latitude").asDouble() : null;
        Double longitude = json.hasNonNull("longitude") ? json.get("longitude").asDouble() : null;
        if (latitude != null && (latitude < 49.8 || latitude > 60.9)) {
            throw ProblemException.badRequest(field + ".latitude", "must be inside the UK");
        }
        if (longitude != null && (longitude < -8.7 || longitude > 1.8)) {
            throw ProblemException.badRequest(field + ".longitude", "must be inside the UK");
        }
        location.locationType = json.path("location_type").asText("physical");
        location.organizationId = json.hasNonNull("organization_id") ? id(json, field, "organization_id") : null;
        location.name = text(json, "name");
        location.description = text(json, "description");
        location.latitude = latitude;
        location.longitude = longitude;
        JsonNode address = json.path("addresses").path(0);
        location.address1 = text(address, "address_1");
        location.city = text(address, "city");
        location.stateProvince = text(address, "state_province");
        location.postalCode = text(address, "postal_code");
        if (isNew) {
            locations.persist(location);
        }
        Location owner = location;
        sync(location.accessibility, json.path("accessibility"), field + ".accessibility", a -> a.id, newId -> {
                    Accessibility created = new Accessibility();
                    created.id = newId;
                    return created;
                },
                (a, j, f) -> {
                    a.location = owner;
                    a.description = text(j, "description");
                    a.details = text(j, "details");
                    a.url = text(j, "url");
                });
        return location;
    }

    /** Terms of another directory's taxonomy come with it, so their services stay classified. */
    private TaxonomyTerm term(JsonNode json, String field) {
        UUID id = id(json, field);
        TaxonomyTerm term = terms.findById(id);
        if (term != null) {
            return term;
        }
        JsonNode detail = json.path("taxonomy_detail");
        UUID taxonomyId = detail.isObject() ? id(detail, field + ".taxonomy_detail")
                : json.hasNonNull("taxonomy_id") ? id(json, field, "taxonomy_id") : null;
        if (taxonomyId == null) {
            throw ProblemException.unprocessable(field + ".taxonomy_detail", "a new term needs its taxonomy");
        }
        Taxonomy taxonomy = taxonomies.findById(taxonomyId);
        if (taxonomy == null) {
            if (!detail.isObject()) {
                throw ProblemException.unprocessable(field + ".taxonomy_id", "no such taxonomy and none nested");
            }
            taxonomy = new Taxonomy();
            taxonomy.id = taxonomyId;
            taxonomy.name = required(detail, "name", field + ".taxonomy_detail");
            taxonomy.description = required(detail, "description", field + ".taxonomy_detail");
            taxonomy.uri = text(detail, "uri");
            taxonomy.version = text(detail, "version");
            taxonomies.persist(taxonomy);
        }
        term = new TaxonomyTerm();
        term.id = id;
        term.taxonomy = taxonomy;
        term.code = json.path("code").asText(id.toString());
        term.name = required(json, "name", field);
        term.description = required(json, "description", field);
        // A parent from outside the export would break the reference; the term stands alone then.
        UUID parent = json.hasNonNull("parent_id") ? id(json, field, "parent_id") : null;
        term.parentId = parent != null && terms.findById(parent) != null ? parent : null;
        terms.persist(term);
        return term;
    }

    private static UUID id(JsonNode json, String field) {
        return id(json, field, "id");
    }

    private static UUID id(JsonNode json, String field, String name) {
        String value = required(json, name, field);
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field + "." + name, "is not a UUID");
        }
    }

    private static String required(JsonNode json, String name, String field) {
        String value = text(json, name);
        if (value == null || value.isBlank()) {
            throw ProblemException.badRequest(field.isEmpty() ? name : field + "." + name, "is required");
        }
        return value;
    }

    private static String text(JsonNode json, String name) {
        JsonNode value = json.path(name);
        return value.isNull() || value.isMissingNode() ? null : value.asText();
    }

    /** Ages and places: whole numbers from 0 that fit the integer columns (intValue() would wrap a larger one). */
    private static Integer integer(JsonNode json, String name, String field) {
        JsonNode value = json.path(name);
        if (!value.isNumber()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt() || value.intValue() < 0) {
            throw ProblemException.badRequest(field + "." + name, "must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return value.intValue();
    }

    private static LocalTime time(JsonNode json, String name, String field) {
        String value = text(json, name);
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + "." + name, "must be a time like 09:30");
        }
    }

    private static LocalDate date(JsonNode json, String name, String field) {
        String value = text(json, name);
        try {
            return value == null ? null : storable(LocalDate.parse(value), field + "." + name);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + "." + name, "must be a date like 2026-01-31");
        }
    }

    private static OffsetDateTime dateTime(JsonNode json, String name, String field) {
        String value = text(json, name);
        try {
            return value == null ? null : storable(OffsetDateTime.parse(value), field + "." + name);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field + "." + name, "must be an RFC 3339 date-time");
        }
    }

    /** java.time reaches year 999,999,999; PostgreSQL and every reader of the feed stop far sooner. */
    private static <T extends Temporal> T storable(T value, String field) {
        int year = value.get(ChronoField.YEAR);
        if (year < 1 || year > 9999) {
            throw ProblemException.badRequest(field, "must be in the years 1 to 9999");
        }
        return value;
    }
}
