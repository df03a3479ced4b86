package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * A service was published, updated or withdrawn (by a curator or an import), fired in the transaction of
 * the change once its new version is known: what a consumer needs to keep its own view of a service, e.g. a
 * link worker's shortlist.
 */
public record ServiceChanged(@JsonIgnore String type, UUID serviceId, UUID organizationId, String name, String status,
        Integer placesPerSession, long version, OffsetDateTime at) implements DirectoryEvent {

    public static final String PUBLISHED = "org.linkwork.directory.service-published.v1";
    public static final String UPDATED = "org.linkwork.directory.service-updated.v1";
    public static final String WITHDRAWN = "org.linkwork.directory.service-withdrawn.v1";

    public static ServiceChanged of(String type, Service service) {
        return new ServiceChanged(type, service.id, service.organization.id, service.name, service.status,
                service.placesPerSession, service.version, OffsetDateTime.now(ZoneOffset.UTC));
    }
}
