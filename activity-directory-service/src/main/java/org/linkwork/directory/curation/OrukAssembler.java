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
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.directory.organizations.Organization;
import org.linkwork.directory.organizations.OrganizationRepository;
import org.linkwork.directory.organizations.OrganizationView;
import org.linkwork.directory.services.Accessibility;
import org.linkwork.directory.services.Attribute;
import org.linkwork.directory.services.Contact;
import org.linkwork.directory.services.CostOption;
import org.linkwork.directory.services.Language;
import org.linkwork.directory.services.Location;
import org.linkwork.directory.services.LocationRepository;
import org.linkwork.directory.services.LocationView;
import org.linkwork.directory.services.OwnedRow;
import org.linkwork.directory.services.Schedule;
import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceAtLocation;
import org.linkwork.directory.services.ServiceRepository;
import org.linkwork.directory.services.ServiceView;
import org.linkwork.directory.taxonomies.Taxonomy;
import org.linkwork.directory.taxonomies.TaxonomyRepository;
import org.linkwork.directory.taxonomies.TaxonomyTerm;
import org.linkwork.directory.taxonomies.TaxonomyTermRepository;
import org.linkwork.directory.taxonomies.TaxonomyTermView;
import org.linkwork.directory.taxonomies.TaxonomyView;
import org.linkwork.platform.problem.ProblemException;

/**
 * The one way ORUK records (the shapes the read API writes) become directory entities, for the import and
 * for curators' edits alike: validation, organization, locations, taxonomy terms, schedules and costs.
 * Every object is created or updated under the id its record carries; children are matched by id, those
 * missing from the record removed, and a value already stored is left alone, so applying the same record
 * twice changes nothing. A problem names the JSON field at fault, below the caller's {@code field}.
 */
@ApplicationScoped
public class OrukAssembler {

    private static final Set<String> STATUSES = Set.of("active", "inactive", "defunct", "temporarily closed");
    private static final Set<String> FREQUENCIES = Set.of("WEEKLY", "MONTHLY");
    /** numeric(10, 2) */
    private static final BigDecimal MOST_AMOUNT = new BigDecimal("99999999.99");

    private final OrganizationRepository organizations;
    private final LocationRepository locations;
    private final ServiceRepository services;
    private final TaxonomyRepository taxonomies;
    private final TaxonomyTermRepository terms;

    OrukAssembler(OrganizationRepository organizations, LocationRepository locations, ServiceRepository services,
            TaxonomyRepository taxonomies, TaxonomyTermRepository terms) {
        this.organizations = organizations;
        this.locations = locations;
        this.services = services;
        this.taxonomies = taxonomies;
        this.terms = terms;
    }

    /** The stored service the record names, or null when it is new. */
    Service stored(ServiceView record, String field) {
        return services.findById(id(required(record, field).id(), at(field, "id")));
    }

    /**
     * Applies a service record to {@code service} (new, or {@link #stored}): the organization first (nested, or an
     * existing {@code organization_id}), then its own fields and children. Places taken are live data: only a new
     * service with {@code withPlacesTaken} takes them from the record.
     */
    Service service(Service service, ServiceView record, String field, boolean withPlacesTaken) {
        Organization organization = record.organization() != null ? organization(record.organization(), at(field, "organization"))
                : existing(organizations::findById, record.organizationId(), at(field, "organization_id"), "no such organization and none nested");
        boolean isNew = service == null;
        if (isNew) {
            service = new Service();
            service.id = id(record.id(), at(field, "id"));
            service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);
        }
        service.organization = organization;
        service.name = required(record.name(), at(field, "name"));
        service.status = oneOf(required(record.status(), at(field, "status")), STATUSES, at(field, "status"));
        service.description = record.description();
        service.url = record.url();
        service.email = record.email();
        service.feesDescription = record.feesDescription();
        service.eligibilityDescription = record.eligibilityDescription();
        service.minimumAge = notNegative(record.minimumAge(), at(field, "minimum_age"));
        service.maximumAge = notNegative(record.maximumAge(), at(field, "maximum_age"));
        if (service.minimumAge != null && service.maximumAge != null && service.minimumAge > service.maximumAge) {
            throw ProblemException.badRequest(at(field, "maximum_age"), "must not be less than minimum_age");
        }
        ServiceView.Capacity capacity = record.capacity();
        service.placesPerSession = capacity == null ? null : notNegative(capacity.placesPerSession(), at(field, "capacity.places_per_session"));
        if (isNew && withPlacesTaken && capacity != null) {
            service.placesTaken = Math.max(0, capacity.placesTaken());
        }
        ServiceView.Referral referral = record.referral();
        service.selfReferral = referral != null && Boolean.TRUE.equals(referral.selfReferral());
        service.linkWorkerReferral = referral == null || !Boolean.FALSE.equals(referral.linkWorkerReferral());
        service.referralInstructions = referral == null ? null : referral.instructions();
        OffsetDateTime modified = dateTime(record.lastModified(), at(field, "last_modified"));
        if (modified != null && !modified.isEqual(service.lastModified)) {
            service.lastModified = modified;
        }
        if (isNew) {
            services.persist(service);
        }
        Service owner = service;
        sync(service.serviceAtLocations, record.serviceAtLocations(), at(field, "service_at_locations"),
                ServiceView.ServiceAtLocationView::id, ServiceAtLocation::new, (at, r, f) -> {
                    at.service = owner;
                    at.location = r.location() != null ? location(r.location(), at(f, "location"))
                            : existing(locations::findById, r.locationId(), at(f, "location_id"), "no such location and none nested");
                    at.description = r.description();
                });
        sync(service.schedules, record.schedules(), at(field, "schedules"), ServiceView.ScheduleView::id, Schedule::new, (s, r, f) -> {
            s.service = owner;
            s.freq = oneOf(Objects.requireNonNullElse(r.freq(), "WEEKLY"), FREQUENCIES, at(f, "freq"));
            s.byday = r.byday();
            s.opensAt = time(r.opensAt(), at(f, "opens_at"));
            s.closesAt = time(r.closesAt(), at(f, "closes_at"));
            if (s.opensAt != null && s.closesAt != null && !s.opensAt.isBefore(s.closesAt)) {
                throw ProblemException.badRequest(at(f, "closes_at"), "must be after opens_at");
            }
            s.validFrom = date(r.validFrom(), at(f, "valid_from"));
            s.validTo = date(r.validTo(), at(f, "valid_to"));
            if (s.validFrom != null && s.validTo != null && s.validTo.isBefore(s.validFrom)) {
                throw ProblemException.badRequest(at(f, "valid_to"), "must not be before valid_from");
            }
            s.description = r.description();
        });
        sync(service.costOptions, record.costOptions(), at(field, "cost_options"), ServiceView.CostOptionView::id, CostOption::new, (c, r, f) -> {
            c.service = owner;
            c.option = r.option();
            c.currency = r.currency();
            BigDecimal amount = r.amount();
            if (amount != null && (amount.signum() < 0 || amount.compareTo(MOST_AMOUNT) > 0)) {
                throw ProblemException.badRequest(at(f, "amount"), "must be from 0 to " + MOST_AMOUNT);
            }
            // Stored as numeric(10,2): 2.5 and 2.50 are the same price, not a change.
            if (amount == null || c.amount == null || amount.compareTo(c.amount) != 0) {
                c.amount = amount;
            }
            c.amountDescription = r.amountDescription();
        });
        sync(service.languages, record.languages(), at(field, "languages"), ServiceView.LanguageView::id, Language::new, (l, r, f) -> {
            l.service = owner;
            l.name = r.name();
            l.code = r.code();
            l.note = r.note();
        });
        sync(service.contacts, record.contacts(), at(field, "contacts"), ServiceView.ContactView::id, Contact::new, (c, r, f) -> {
            c.service = owner;
            c.name = r.name();
            c.title = r.title();
            c.email = r.email();
            c.phone = r.phones() == null || r.phones().isEmpty() || r.phones().get(0) == null ? null : r.phones().get(0).number();
        });
        sync(service.attributes, record.attributes(), at(field, "attributes"), ServiceView.AttributeView::id, Attribute::new, (a, r, f) -> {
            a.service = owner;
            a.term = r.taxonomyTerm() != null ? term(r.taxonomyTerm(), at(f, "taxonomy_term"))
                    : existing(terms::findById, r.taxonomyTermId(), at(f, "taxonomy_term_id"), "no such taxonomy term and none nested");
        });
        return service;
    }

    Organization organization(OrganizationView record, String field) {
        UUID id = id(required(record, field).id(), at(field, "id"));
        Organization organization = organizations.findById(id);
        boolean isNew = organization == null;
        if (isNew) {
            organization = new Organization();
            organization.id = id;
        }
        organization.name = required(record.name(), at(field, "name"));
        organization.description = required(record.description(), at(field, "description"));
        organization.email = record.email();
        organization.website = record.website();
        if (isNew) {
            organizations.persist(organization);
        }
        return organization;
    }

    Location location(LocationView record, String field) {
        UUID id = id(required(record, field).id(), at(field, "id"));
        Location location = locations.findById(id);
        boolean isNew = location == null;
        if (isNew) {
            location = new Location();
            location.id = id;
        }
        // The bounding box of the United Kingdom: a swapped latitude/longitude lands far outside it.
        if (record.latitude() != null && (record.latitude() < 49.8 || record.latitude() > 60.9)) {
            throw ProblemException.badRequest(at(field, "latitude"), "must be inside the UK");
        }
        if (record.longitude() != null && (record.longitude() < -8.7 || record.longitude() > 1.8)) {
            throw ProblemException.badRequest(at(field, "longitude"), "must be inside the UK");
        }
        location.locationType = Objects.requireNonNullElse(record.locationType(), "physical");
        location.organizationId = record.organizationId() == null ? null
                : existing(organizations::findById, record.organizationId(), at(field, "organization_id"), "no such organization").id;
        location.name = record.name();
        location.description = record.description();
        location.latitude = record.latitude();
        location.longitude = record.longitude();
        LocationView.AddressView address = record.addresses() == null || record.addresses().isEmpty() ? null : record.addresses().get(0);
        location.address1 = address == null ? null : address.address1();
        location.city = address == null ? null : address.city();
        location.stateProvince = address == null ? null : address.stateProvince();
        location.postalCode = address == null ? null : address.postalCode();
        if (isNew) {
            locations.persist(location);
        }
        Location owner = location;
        sync(location.accessibility, record.accessibility(), at(field, "accessibility"), LocationView.AccessibilityView::id,
                Accessibility::new, (a, r, f) -> {
                    a.location = owner;
                    a.description = r.description();
                    a.details = r.details();
                    a.url = r.url();
                });
        return location;
    }

    /** Terms of another directory's taxonomy come with it, so their services stay classified. */
    private TaxonomyTerm term(TaxonomyTermView record, String field) {
        UUID id = id(record.id(), at(field, "id"));
        TaxonomyTerm term = terms.findById(id);
        if (term != null) {
            return term;
        }
        TaxonomyView detail = record.taxonomyDetail();
        UUID taxonomyId = detail != null ? id(detail.id(), at(field, "taxonomy_detail.id"))
                : record.taxonomyId() != null ? id(record.taxonomyId(), at(field, "taxonomy_id")) : null;
        if (taxonomyId == null) {
            throw ProblemException.unprocessable(at(field, "taxonomy_detail"), "a new term needs its taxonomy");
        }
        Taxonomy taxonomy = taxonomies.findById(taxonomyId);
        if (taxonomy == null) {
            if (detail == null) {
                throw ProblemException.unprocessable(at(field, "taxonomy_id"), "no such taxonomy and none nested");
            }
            taxonomy = new Taxonomy();
            taxonomy.id = taxonomyId;
            taxonomy.name = required(detail.name(), at(field, "taxonomy_detail.name"));
            taxonomy.description = required(detail.description(), at(field, "taxonomy_detail.description"));
            taxonomy.uri = detail.uri();
            taxonomy.version = detail.version();
            taxonomies.persist(taxonomy);
        }
        term = new TaxonomyTerm();
        term.id = id;
        term.taxonomy = taxonomy;
        term.code = Objects.requireNonNullElse(record.code(), id.toString());
        term.name = required(record.name(), at(field, "name"));
        term.description = required(record.description(), at(field, "description"));
        // A parent from outside the export would break the reference; the term stands alone then.
        UUID parent = record.parentId() == null ? null : id(record.parentId(), at(field, "parent_id"));
        term.parentId = parent != null && terms.findById(parent) != null ? parent : null;
        terms.persist(term);
        return term;
    }

    private interface Apply<T, R> {
        void apply(T entity, R record, String field);
    }

    /**
     * Updates children whose id is in the records, adds new ones, removes those no longer there. The removed
     * rows go first: Hibernate inserts before it deletes, and a re-added term would clash with its old row.
     */
    private <T extends OwnedRow, R> void sync(List<T> children, List<R> records, String field, Function<R, String> recordId,
            Supplier<T> create, Apply<T, R> apply) {
        List<R> items = Objects.requireNonNullElse(records, List.of());
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            ids.add(id(recordId.apply(required(items.get(i), field + "[" + i + "]")), field + "[" + i + "].id"));
        }
        if (children.removeIf(c -> !ids.contains(c.id))) {
            services.flush();
        }
        for (int i = 0; i < items.size(); i++) {
            UUID id = ids.get(i);
            T child = children.stream().filter(c -> c.id.equals(id)).findFirst().orElseGet(() -> {
                T created = create.get();
                created.id = id;
                children.add(created);
                return created;
            });
            apply.apply(child, items.get(i), field + "[" + i + "]");
        }
    }

    private static String at(String field, String name) {
        return field.isEmpty() ? name : field + "." + name;
    }

    private static <T> T required(T value, String field) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw ProblemException.badRequest(field, "is required");
        }
        return value;
    }

    private static <T> T existing(Function<UUID, T> find, String id, String field, String problem) {
        T found = find.apply(id(id, field));
        if (found == null) {
            throw ProblemException.unprocessable(field, problem);
        }
        return found;
    }

    static UUID id(String value, String field) {
        try {
            return UUID.fromString(required(value, field));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest(field, "is not a UUID");
        }
    }

    private static String oneOf(String value, Set<String> allowed, String field) {
        if (!allowed.contains(value)) {
            throw ProblemException.badRequest(field, "must be one of " + allowed);
        }
        return value;
    }

    private static Integer notNegative(Integer value, String field) {
        if (value != null && value < 0) {
            throw ProblemException.badRequest(field, "must be a whole number from 0 to " + Integer.MAX_VALUE);
        }
        return value;
    }

    private static LocalTime time(String value, String field) {
        try {
            return value == null ? null : LocalTime.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a time like 09:30");
        }
    }

    private static LocalDate date(String value, String field) {
        try {
            return value == null ? null : storable(LocalDate.parse(value), field);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be a date like 2026-01-31");
        }
    }

    private static OffsetDateTime dateTime(String value, String field) {
        try {
            return value == null ? null : storable(OffsetDateTime.parse(value), field);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "must be an RFC 3339 date-time");
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
