package org.linkwork.directory.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.platform.outbox.Outbox;

/**
 * Service lifecycle events on {@code directory-events}, written to the outbox in the transaction that
 * changed the service (a synchronous observer runs in it). Schemas: {@code /asyncapi/schemas/<type>.json},
 * listed in {@code /asyncapi/directory-events.yaml}.
 */
@ApplicationScoped
public class ServiceEvents {

    public static final String TOPIC = "directory-events";
    public static final String PUBLISHED = "org.linkwork.directory.service-published.v1";
    public static final String UPDATED = "org.linkwork.directory.service-updated.v1";
    public static final String WITHDRAWN = "org.linkwork.directory.service-withdrawn.v1";

    /** What a consumer needs to keep its own view of a service, e.g. a link worker's shortlist. */
    public record ServiceAnnounced(String serviceId, String organizationId, String name, String status,
            Integer placesPerSession, long version, OffsetDateTime at) {
    }

    private final Outbox outbox;

    ServiceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes ServiceChanged changed) {
        String type = switch (changed.change()) {
            case PUBLISHED -> PUBLISHED;
            case UPDATED -> UPDATED;
            case WITHDRAWN -> WITHDRAWN;
        };
        String id = changed.serviceId().toString();
        outbox.publish(TOPIC, type, id, new ServiceAnnounced(id, changed.organizationId().toString(), changed.name(),
                changed.status(), changed.placesPerSession(), changed.version(), OffsetDateTime.now(ZoneOffset.UTC)));
    }
}
