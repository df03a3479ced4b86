package org.linkwork.directory.curation;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToLongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.linkwork.directory.organizations.Organization;
import org.linkwork.directory.organizations.OrganizationRepository;
import org.linkwork.directory.organizations.OrganizationView;
import org.linkwork.directory.services.Location;
import org.linkwork.directory.services.LocationRepository;
import org.linkwork.directory.services.LocationView;
import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.services.ServiceRepository;
import org.linkwork.directory.services.ServiceView;
import org.linkwork.directory.taxonomies.TaxonomyTermRepository;
import org.linkwork.platform.problem.ProblemException;

/**
 * Curators' changes to the directory: their requests become ORUK records and go through the same
 * {@link OrukAssembler} as the import; here are optimistic locking and the announcements.
 */
@ApplicationScoped
public class CurationService {

    private final OrukAssembler assembler;
    private final OrganizationRepository organizations;
    private final LocationRepository locations;
    private final ServiceRepository services;
    private final TaxonomyTermRepository terms;
    private final Event<ServiceChanged> changed;

    CurationService(OrukAssembler assembler, OrganizationRepository organizations, LocationRepository locations,
            ServiceRepository services, TaxonomyTermRepository terms, Event<ServiceChanged> changed) {
        this.assembler = assembler;
        this.organizations = organizations;
        this.locations = locations;
        this.services = services;
        this.terms = terms;
        this.changed = changed;
    }

    @Transactional
    public OrganizationView createOrganization(OrganizationRequest request) {
        Organization organization = assembler.organization(request.toOruk(UUID.randomUUID()), "");
        organizations.flush();
        return OrganizationView.of(organization);
    }

    @Transactional
    public OrganizationView updateOrganization(UUID id, OrganizationRequest request) {
        Organization organization = current(request.version(), () -> organizations.findById(id, LockModeType.PESSIMISTIC_WRITE),
                "Organization " + id, o -> o.version);
        assembler.organization(request.toOruk(id), "");
        saved(organization, request.version(), o -> o.version, organizations::forceNewVersion);
        return OrganizationView.of(organization);
    }

    @Transactional
    public LocationView createLocation(LocationRequest request) {
        Location location = assembler.location(request.toOruk(UUID.randomUUID()), "");
        locations.flush();
        return LocationView.of(location);
    }

    @Transactional
    public LocationView updateLocation(UUID id, LocationRequest request) {
        Location location = current(request.version(), () -> locations.findById(id, LockModeType.PESSIMISTIC_WRITE), "Location " + id,
                l -> l.version);
        assembler.location(request.toOruk(id), "");
        saved(location, request.version(), l -> l.version, locations::forceNewVersion);
        return LocationView.of(location);
    }

    @Transactional
    public ServiceView createService(ServiceRequest request) {
        Service service = assembler.service(null, oruk(UUID.randomUUID(), request), "", false);
        services.flush();
        changed.fire(ServiceChanged.of(ServiceChanged.PUBLISHED, service));
        return ServiceView.of(service, null, true);
    }

    @Transactional
    public ServiceView updateService(UUID id, ServiceRequest request) {
        Service service = current(request.version(), () -> services.findById(id, LockModeType.PESSIMISTIC_WRITE), "Service " + id,
                s -> s.version);
        assembler.service(service, oruk(id, request), "", false);
        saved(service, request.version(), s -> s.version, services::forceNewVersion);
        changed.fire(ServiceChanged.of(ServiceChanged.UPDATED, service));
        return ServiceView.of(service, null, true);
    }

    /** Withdrawn services leave search results but stay readable, as cases may have prescribed them. */
    @Transactional
    public ServiceView withdrawService(UUID id, Long version) {
        Service service = current(version, () -> services.findById(id, LockModeType.PESSIMISTIC_WRITE), "Service " + id, s -> s.version);
        service.status = "inactive";
        service.lastModified = OffsetDateTime.now(ZoneOffset.UTC);
        saved(service, version, s -> s.version, services::forceNewVersion);
        changed.fire(ServiceChanged.of(ServiceChanged.WITHDRAWN, service));
        return ServiceView.of(service, null, true);
    }

    /** The request as an ORUK record, once the locations and terms it names by id are known to exist. */
    private ServiceView oruk(UUID id, ServiceRequest request) {
        mustExist(request.location_ids(), locations::findById, "location_ids", "no such location");
        mustExist(request.taxonomy_term_ids(), terms::findById, "taxonomy_term_ids", "no such taxonomy term");
        return request.toOruk(id);
    }

    private static void mustExist(List<UUID> ids, Function<UUID, ?> find, String field, String problem) {
        List<UUID> named = Objects.requireNonNullElse(ids, List.of());
        for (int i = 0; i < named.size(); i++) {
            if (find.apply(named.get(i)) == null) {
                throw ProblemException.unprocessable(field + "[" + i + "]", problem);
            }
        }
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

    /** The entity at the version the curator read, under a row lock so compare-then-write is atomic between two curators. */
    private static <T> T current(Long version, java.util.function.Supplier<T> find, String what, ToLongFunction<T> versionOf) {
        if (version == null) {
            throw ProblemException.badRequest("version", "is required: send the version you last read");
        }
        T entity = find.get();
        if (entity == null) {
            throw ProblemException.notFound(what);
        }
        if (versionOf.applyAsLong(entity) != version) {
            throw ProblemException.conflict(what + " has changed since version " + version + " was read (now "
                    + versionOf.applyAsLong(entity) + "); read it again and reapply the edit");
        }
        return entity;
    }
}
