package org.linkwork.directory.services;

import java.util.UUID;

/**
 * A service was published, updated or withdrawn (by a curator or an import), fired in the transaction of
 * the change once its new version is known; {@code events.ServiceEvents} announces it.
 */
public record ServiceChanged(Change change, UUID serviceId, UUID organizationId, String name, String status,
        Integer placesPerSession, long version) {

    public enum Change { PUBLISHED, UPDATED, WITHDRAWN }

    public static ServiceChanged of(Change change, Service service) {
        return new ServiceChanged(change, service.id, service.organization.id, service.name, service.status,
                service.placesPerSession, service.version);
    }
}
