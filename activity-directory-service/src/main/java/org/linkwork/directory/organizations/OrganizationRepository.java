package org.linkwork.directory.organizations;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** Moves the version by one although no column of the organization changed. */
    public void forceNewVersion(Organization organization) {
        getEntityManager().lock(organization, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }
}
