package org.linkwork.directory.curation;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linkwork.directory.curation.CurationRequests.LocationRequest;
import org.linkwork.directory.curation.CurationRequests.OrganizationRequest;
import org.linkwork.directory.curation.CurationRequests.ScheduleRequest;
import org.linkwork.directory.curation.CurationRequests.ServiceRequest;
import org.linkwork.directory.location.Accessibility;
import org.linkwork.directory.location.Location;
import org.linkwork.directory.location.LocationView;
import org.linkwork.directory.organization.Organization;
import org.linkwork.directory.organization.OrganizationView;
import org.linkwork.directory.service.Attribute;
import org.linkwork.directory.service.Contact;
import org.linkwork.directory.service.CostOption;
import org.linkwork.directory.service.Language;
import org.linkwork.directory.service.Schedule;
import org.linkwork.directory.service.Service;
import org.linkwork.directory.service.ServiceAtLocation;
import org.linkwork.directory.service.ServiceEvents;
import org.linkwork.directory.service.ServiceView;
import org.linkwork.directory.taxonomy.TaxonomyTerm;
import org.linkwork.platform.problem.ProblemException;

/** Curators' changes to the directory: the rules bean validation cannot express, and optimistic locking. */
@ApplicationScoped
public class Curation {

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceEvents events;

    @Transactional
    public OrganizationView createOrganization(OrganizationRequest request) {
        Organization organization = new Organization();
        organization.id = UUID.randomUUID();
        apply(organization, request);
        entityManager.persist(organization);
        entityManager.flush();
        return OrganizationView.of(organization);
    }

    @Transactional
    public OrganizationView updateOrganization(UUID id, OrganizationRequest request) {
        Organization organization = current(Organization.class, id, "Organization", request.version(), o -> o.version);
        apply(organization, request);
        saved(organization, request.version(), o -> o.version);
        return OrganizationView.of(organization);
    }

    @Transactional
    public LocationView createLocation(LocationRequest request) {
        Location location = new Location();
        location.id = UUID.randomUUID();
        apply(location, request);
        entityManager.persist(location);
        entityManager.flush();
        return LocationView.of(location);
    }

    @Transactional
    public LocationView updateLocation(UUID id, LocationRequest request) {
        Location location = current(Location.class, id, "Location", request.version(), l -> l.version);
        apply(location, request);
        saved(location, request.version(), l -> l.version);
        return LocationView.of(location);
    }

    @Transactional
    public ServiceView createService(ServiceRequest request) {
        Service service = new Service();
        service.id = UUID.randomUUID();
        apply(service, request);
        entityManager.persist(service);
        entityManager.flush();
        events.published(service);
        return ServiceView.of(service, null);
    }

    @Transactional
    public ServiceView updateService(UUID id, ServiceRequest request) {
        Service service = current(Service.class, id, "Service", request.version(), s -> s.version);
        apply(service, request);
        saved(service, request.version(), s -> s.version);
        events.updated(service);
        return ServiceView.of(service, null);
    }

    /** Withdrawn services leave search results but stay readable, as cases may have prescribed them. */
    @Transactional
    public ServiceView withdrawService(UUID id, Long version) {
        Service service = current(Service.class, id, "Service", version, s -> s.version);
        service.status = "inactive";
        service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);
        saved(service, version, s -> s.version);
        events.withdrawn(service);
        return ServiceView.of(service, null);
    }

    /**
     * Writes the edit and moves the version by exactly one, also when only child rows (schedules,
     * accessibility) changed, which Hibernate's dirty check on the parent does not see.
     */
    private <T> void saved(T entity, long versionRead, ToLongFunction<T> versionOf) {
        entityManager.flush();
        if (versionOf.applyAsLong(entity) == versionRead) {
            entityManager.lock(entity, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
        }
    }

    private <T> T current(Class<T> type, UUID id, String what, Long version, ToLongFunction<T> versionOf) {
        if (version == null) {
            throw ProblemException.badRequest("version", "is required: send the version you last read");
        }
        // The row lock makes compare-then-write atomic when two curators save at once.
        T entity = entityManager.find(type, id, LockModeType.PESSIMISTIC_WRITE);
        if (entity == null) {
            throw ProblemException.notFound(what + " " + id);
        }
        if (versionOf.applyAsLong(entity) != version) {
            throw ProblemException.conflict(what + " " + id + " has changed since version " + version
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
        if (request.organization_id() != null && entityManager.find(Organization.class, request.organization_id()) == null) {
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
        Organization organization = entityManager.find(Organization.class, request.organization_id());
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
        if (entityManager.contains(service)) {
            // Hibernate inserts before it deletes: remove the replaced rows first, or a kept term would clash.
            entityManager.flush();
        }
        List<UUID> locationIds = Objects.requireNonNullElse(request.location_ids(), List.of());
        for (int i = 0; i < locationIds.size(); i++) {
            Location location = entityManager.find(Location.class, locationIds.get(i));
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
            TaxonomyTerm term = entityManager.find(TaxonomyTerm.class, termIds.get(i));
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
        Objects.requireNonNullElse(request.cost_options(), List.<CurationRequests.CostOptionRequest>of()).forEach(c -> {
            CostOption cost = new CostOption();
            cost.id = UUID.randomUUID();
            cost.service = service;
            cost.option = c.option();
            cost.currency = c.currency() == null ? "GBP" : c.currency();
            cost.amount = c.amount();
            cost.amountDescription = c.amount_description();
            service.costOptions.add(cost);
        });
        Objects.requireNonNullElse(request.languages(), List.<CurationRequests.LanguageRequest>of()).forEach(l -> {
            Language language = new Language();
            language.id = UUID.randomUUID();
            language.service = service;
            language.name = l.name();
            language.code = l.code();
            language.note = l.note();
            service.languages.add(language);
        });
        Objects.requireNonNullElse(request.contacts(), List.<CurationRequests.ContactRequest>of()).forEach(c -> {
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
