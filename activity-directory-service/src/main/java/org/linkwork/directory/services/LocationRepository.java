package org.linkwork.directory.services;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LocationRepository implements PanacheRepositoryBase<Location, UUID> {

    /** Moves the version by one although no column of the location changed (only its accessibility rows). */
    public void forceNewVersion(Location location) {
        getEntityManager().lock(location, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
    }
}
