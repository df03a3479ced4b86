package org.linkwork.referral.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.platform.audit.AuditRecorded;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.events.InvalidEventData;
import org.linkwork.platform.inbox.Inbox;
import org.linkwork.referral.audit.AuditService;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Gathers every service's audit records ({@code org.linkwork.audit.recorded.v1} on
 * {@code audit-events}, this service's own included) into the suite's trail, once per event id
 * through the inbox. The service is the event's source; the data binds to the platform's own record.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    AuditEventsConsumer(Inbox inbox, AuditService trail) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .onEvent(AuditRecorded.TYPE, "referral.audit-trail", AuditRecorded.class,
                        (recorded, event) -> trail.keep(service(event), recorded))
                .build();
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }

    private static String service(CloudEvent event) {
        String service = event.source().startsWith("/") ? event.source().substring(1) : event.source();
        if (service.isBlank()) {
            throw new InvalidEventData(event, "names no source service", null);
        }
        return service;
    }
}
