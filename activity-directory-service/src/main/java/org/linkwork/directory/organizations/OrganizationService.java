package org.linkwork.directory.organizations;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.panache.common.Sort;

/** Reading the providers of services. */
@ApplicationScoped
public class OrganizationService {

    private final OrganizationRepository organizations;

    OrganizationService(OrganizationRepository organizations) {
        this.organizations = organizations;
    }

    @Transactional
    public Page<OrganizationView> list(Paging paging) {
        return Page.of(organizations.findAll(Sort.by("name").and("id")), paging, OrganizationView::of);
    }

    @Transactional
    public OrganizationView get(UUID id) {
        return organizations.findByIdOptional(id).map(OrganizationView::of)
                .orElseThrow(() -> ProblemException.notFound("Organization " + id));
    }
}
