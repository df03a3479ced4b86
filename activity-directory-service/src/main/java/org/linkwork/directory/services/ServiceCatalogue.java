package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;
import org.linkwork.platform.problem.ProblemException;

/**
 * Reading services and where they are delivered, as ORUK views; {@code withCapacity} says whether the
 * caller may see places taken by patients' prescriptions.
 */
@ApplicationScoped
public class ServiceCatalogue {

    private final ServiceRepository services;
    private final ServiceAtLocationRepository serviceAtLocations;

    ServiceCatalogue(ServiceRepository services, ServiceAtLocationRepository serviceAtLocations) {
        this.services = services;
        this.serviceAtLocations = serviceAtLocations;
    }

    @Transactional
    public Page<ServiceView> search(SearchCriteria criteria, boolean withCapacity, ServiceView.Representation representation) {
        ServiceRepository.Found found = services.search(criteria);
        return Page.of(found.services().entrySet().stream()
                .map(e -> ServiceView.of(e.getKey(), e.getValue(), withCapacity, representation)).toList(),
                found.total(), new Paging(criteria.page(), criteria.perPage()));
    }

    /** Any status, so that a prescribed service that has since been withdrawn can still be shown. */
    @Transactional
    public ServiceView get(UUID id, boolean withCapacity) {
        return services.findByIdOptional(id).map(s -> ServiceView.of(s, null, withCapacity))
                .orElseThrow(() -> ProblemException.notFound("Service " + id));
    }

    @Transactional
    public Page<LocatedServiceView> locations(UUID termId, UUID taxonomyId, UUID organizationId, OffsetDateTime modifiedAfter,
            Paging paging, boolean withCapacity) {
        ServiceAtLocationRepository.Found found = serviceAtLocations.findActive(termId, taxonomyId, organizationId, modifiedAfter,
                io.quarkus.panache.common.Page.of(paging.page() - 1, paging.perPage()));
        return Page.of(found.page().stream().map(at -> LocatedServiceView.summary(at, withCapacity)).toList(), found.total(),
                paging);
    }

    @Transactional
    public LocatedServiceView location(UUID id, boolean withCapacity) {
        return serviceAtLocations.findByIdOptional(id).map(at -> LocatedServiceView.nested(at, withCapacity))
                .orElseThrow(() -> ProblemException.notFound("Service at location " + id));
    }
}
