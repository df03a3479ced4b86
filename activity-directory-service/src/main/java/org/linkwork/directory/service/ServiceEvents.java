package org.linkwork.directory.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.platform.outbox.Outbox;

/**
 * Service lifecycle events on {@code directory-events}, written to the outbox in the curator's
 * transaction. Schemas: {@code /asyncapi/schemas/<type>.json}, listed in {@code /asyncapi/directory-events.yaml}.
 */
@ApplicationScoped
public class ServiceEvents {

    public static final String TOPIC = "directory-events";
    public static final String PUBLISHED = "org.linkwork.directory.service-published.v1";
    public static final String UPDATED = "org.linkwork.directory.service-updated.v1";
    public static final String WITHDRAWN = "org.linkwork.directory.service-withdrawn.v1";

    /** What a consumer needs to keep its own view of a service, e.g. a link worker's shortlist. */
    public record ServiceChanged(String serviceId, String organizationId, String name, String status,
            Integer placesPerSession, long version, OffsetDateTime at) {
    }

    private final Outbox outbox;

    ServiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void published(Service service) {
        publish(PUBLISHED, service);
    }

    public void updated(Service service) {
        publish(UPDATED, service);
    }

    public void withdrawn(Service service) {
        publish(WITHDRAWN, service);
    }

    private void publish(String type, Service s) {
        outbox.publish(TOPIC, type, s.id.toString(), new ServiceChanged(s.id.toString(), s.organization.id.toString(),
                s.name, s.status, s.placesPerSession, s.version, OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
