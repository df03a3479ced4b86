package org.linkwork.directory.curation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linkwork.directory.curation.ServiceRequest.ScheduleRequest;
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
import org.linkwork.directory.services.Schedule;
import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceAtLocation;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.services.ServiceChanged.Change;
import org.linkwork.directory.services.ServiceRepository;
import org.linkwork.directory.services.ServiceView;
import org.linkwork.directory.taxonomies.TaxonomyTerm;
import org.linkwork.directory.taxonomies.TaxonomyTermRepository;
import org.linkwork.platform.problem.ProblemException;

/** Curators' changes to the directory: the rules bean validation cannot express, and optimistic locking. */
@ApplicationScoped
public class CurationService {

    private final OrganizationRepository organizations;
    private final LocationRepository locations;
    private final ServiceRepository services;
    private final TaxonomyTermRepository terms;
    private final Event<ServiceChanged> changed;

    CurationService(OrganizationRepository organizations, LocationRepository locations, ServiceRepository services,
            TaxonomyTermRepository terms, Event<ServiceChanged> changed) {
        this.organizations = organizations;
        this.locations = locations;
        this.services = services;
        this.terms = terms;
        this.changed = changed;
    }

    @Transactional
    public OrganizationView createOrganization(OrganizationRequest request) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        apply(organization, request);
        organizations.persistAndFlush(organization);
        return OrganizationView.of(organization);
    }

    @Transactional
    public OrganizationView updateOrganization(UUID id, OrganizationRequest request) {
        Organization organization = current(organizations.findById(id, LockModeType.PESSIMISTIC_WRITE), "Organization " + id,
                request.version(), o -> o.version);
        apply(organization, request);
        saved(organization, request.version(), o -> o.version, organizations::forceNewVersion);
        return OrganizationView.of(organization);
    }

    @Transactional
    public LocationView createLocation(LocationRequest request) {
        Location location = new Location();
        location.id = UUID.randomUUID();
        apply(location, request);
        locations.persistAndFlush(location);
        return LocationView.of(location);
    }

    @Transactional
    public LocationView updateLocation(UUID id, LocationRequest request) {
        Location location = current(locations.findById(id, LockModeType.PESSIMISTIC_WRITE), "Location " + id, request.version(),
                l -> l.version);
        apply(location, request);
        saved(location, request.version(), l -> l.version, locations::forceNewVersion);
        return LocationView.of(location);
    }

    @Transactional
    public ServiceView createService(ServiceRequest request) {
        Service service = new Service();
        service.id = UUID.randomUUID();
        apply(service, request);
        services.persistAndFlush(service);
        changed.fire(ServiceChanged.of(Change.PUBLISHED, service));
        return ServiceView.of(service, null, true);
    }

    @Transactional
    public ServiceView updateService(UUID id, ServiceRequest request) {
        Service service = current(services.findById(id, LockModeType.PESSIMISTIC_WRITE), "Service " + id, request.version(),
                s -> s.version);
        apply(service, request);
        saved(service, request.version(), s -> s.version, services::forceNewVersion);
        changed.fire(ServiceChanged.of(Change.UPDATED, service));
        return ServiceView.of(service, null, true);
    }

    /** Withdrawn services leave search results but stay readable, as cases may have prescribed them. */
    @Transactional
    public ServiceView withdrawService(UUID id, Long version) {
        Service service = current(version == null ? null : services.findById(id, LockModeType.PESSIMISTIC_WRITE), "Service " + id,
                version, s -> s.version);
        service.status = "inactive";
        service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);
        saved(service, version, s -> s.version, services::forceNewVersion);
        changed.fire(ServiceChanged.of(Change.WITHDRAWN, service));
        return ServiceView.of(service, null, true);
    }

    /**
     * Writes the edit and moves the version by exactly one, also when only child rows (schedules,
     * accessibility) changed, which Hibernate's dirty check on the parent does not see.
     */
    private <T> void saved(T entity, long versionRead, ToLongFunction<T> versionOf, Consumer<T> forceNewVersion) {
        services.flush();
        if (versionOf.applyAsLong(entity) == versionRead) {
            forceNewVersion.accept(entity);
        }
    }

    /** The entity, found under a row lock (so compare-then-write is atomic when two curators save at once), at the version read. */
    private static <T> T current(T entity, String what, Long version, ToLongFunction<T> versionOf) {
        if (version == null) {
            throw ProblemException.badRequest("version", "is required: send the version you last read");
        }
        if (entity == null) {
            throw ProblemException.notFound(what);
        }
        if (versionOf.applyAsLong(entity) != version) {
            throw ProblemException.conflict(what + " has changed since version " + version
                    + " was read (now " + versionOf.applyAsLong(entity) + "); read it again and reapply the edit");
        }
        return entity;
    }

    private static void apply(Organization organization, OrganizationRequest request) {
        organization.name = request.name().trim();
        organization.description = request.description();
        organization.email = request.email();
        organization.website = request.website();
    }

    private void apply(Location location, LocationRequest request) {
        if (request.organization_id() != null && organizations.findById(request.organization_id()) == null) {
            throw ProblemException.unprocessable("organization_id", "no such organization");
        }
        location.organizationId = request.organization_id();
        location.name = request.name();
        location.description = request.description();
        location.address1 = request.address_1();
        location.city = request.city();
        location.stateProvince = request.state_province();
        location.postalCode = request.postal_code();
        location.latitude = request.latitude();
        location.longitude = request.longitude();
        location.accessibility.clear();
        for (String description : Objects.requireNonNullElse(request.accessibility(), List.<String>of())) {
            Accessibility accessibility = new Accessibility();
            accessibility.id = UUID.randomUUID();
            accessibility.location = location;
            accessibility.description = description;
            location.accessibility.add(accessibility);
        }
    }

    private void apply(Service service, ServiceRequest request) {
        if (request.minimum_age() != null && request.maximum_age() != null && request.minimum_age() > request.maximum_age()) {
            throw ProblemException.badRequest("maximum_age", "must not be less than minimum_age");
        }
        Organization organization = organizations.findById(request.organization_id());
        if (organization == null) {
            throw ProblemException.unprocessable("organization_id", "no such organization");
        }
        service.organization = organization;
        service.name = request.name().trim();
        service.description = request.description();
        service.url = request.url();
        service.email = request.email();
        service.status = request.status() == null ? "active" : request.status();
        service.feesDescription = request.fees_description();
        service.eligibilityDescription = request.eligibility_description();
        service.minimumAge = request.minimum_age();
        service.maximumAge = request.maximum_age();
        service.placesPerSession = request.places_per_session();
        service.selfReferral = request.self_referral();
        service.linkWorkerReferral = request.link_worker_referral() == null || request.link_worker_referral();
        service.referralInstructions = request.referral_instructions();
        service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);

        service.serviceAtLocations.clear();
        service.attributes.clear();
        service.schedules.clear();
        service.costOptions.clear();
        service.languages.clear();
        service.contacts.clear();
        if (services.isPersistent(service)) {
            // Hibernate inserts before it deletes: remove the replaced rows first, or a kept term would clash.
            services.flush();
        }
        List<UUID> locationIds = Objects.requireNonNullElse(request.location_ids(), List.of());
        for (int i = 0; i < locationIds.size(); i++) {
            Location location = locations.findById(locationIds.get(i));
            if (location == null) {
                throw ProblemException.unprocessable("location_ids[" + i + "]", "no such location");
            }
            ServiceAtLocation at = new ServiceAtLocation();
            at.id = UUID.randomUUID();
            at.service = service;
            at.location = location;
            service.serviceAtLocations.add(at);
        }
        List<UUID> termIds = Objects.requireNonNullElse(request.taxonomy_term_ids(), List.of());
        for (int i = 0; i < termIds.size(); i++) {
            TaxonomyTerm term = terms.findById(termIds.get(i));
            if (term == null) {
                throw ProblemException.unprocessable("taxonomy_term_ids[" + i + "]", "no such taxonomy term");
            }
            if (service.attributes.stream().noneMatch(a -> a.term.id.equals(term.id))) {
                Attribute attribute = new Attribute();
                attribute.id = UUID.randomUUID();
                attribute.service = service;
                attribute.term = term;
                service.attributes.add(attribute);
            }
        }
        List<ScheduleRequest> schedules = Objects.requireNonNullElse(request.schedules(), List.of());
        for (int i = 0; i < schedules.size(); i++) {
            service.schedules.add(schedule(service, schedules.get(i), "schedules[" + i + "]"));
        }
        Objects.requireNonNullElse(request.cost_options(), List.<ServiceRequest.CostOptionRequest>of()).forEach(c -> {
            CostOption cost = new CostOption();
            cost.id = UUID.randomUUID();
            cost.service = service;
            cost.option = c.option();
            cost.currency = c.currency() == null ? "GBP" : c.currency();
            cost.amount = c.amount();
            cost.amountDescription = c.amount_description();
            service.costOptions.add(cost);
        });
        Objects.requireNonNullElse(request.languages(), List.<ServiceRequest.LanguageRequest>of()).forEach(l -> {
            Language language = new Language();
            language.id = UUID.randomUUID();
            language.service = service;
            language.name = l.name();
            language.code = l.code();
            language.note = l.note();
            service.languages.add(language);
        });
        Objects.requireNonNullElse(request.contacts(), List.<ServiceRequest.ContactRequest>of()).forEach(c -> {
            Contact contact = new Contact();
            contact.id = UUID.randomUUID();
            contact.service = service;
            contact.name = c.name();
            contact.title = c.title();
            contact.email = c.email();
            contact.phone = c.phone();
            service.contacts.add(contact);
        });
    }

    private static Schedule schedule(Service service, ScheduleRequest request, String field) {
        Schedule schedule = new Schedule();
        schedule.id = UUID.randomUUID();
        schedule.service = service;
        schedule.freq = request.freq() == null ? "WEEKLY" : request.freq();
        schedule.byday = request.byday();
        schedule.opensAt = LocalTime.parse(request.opens_at());
        schedule.closesAt = LocalTime.parse(request.closes_at());
        if (!schedule.opensAt.isBefore(schedule.closesAt)) {
            throw ProblemException.badRequest(field + ".closes_at", "must be after opens_at");
        }
        schedule.validFrom = date(request.valid_from(), field + ".valid_from");
        schedule.validTo = date(request.valid_to(), field + ".valid_to");
        if (schedule.validFrom != null && schedule.validTo != null && schedule.validTo.isBefore(schedule.validFrom)) {
            throw ProblemException.badRequest(field + ".valid_to", "must not be before valid_from");
        }
        schedule.description = request.description();
        return schedule;
    }

    private static LocalDate date(String value, String field) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(field, "is not a calendar date");
        }
    }
}
