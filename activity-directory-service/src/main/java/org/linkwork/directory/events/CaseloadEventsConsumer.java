package org.linkwork.directory.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkwork.directory.capacity.CapacityService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Keeps places taken per service from the social prescriptions caseload-service reports
 * ({@code case.activity-prescribed} takes a place, {@code case.activity-ended} frees it), once per
 * event through the inbox. Places taken are not curated content, so the count changes without
 * moving the service's version and never conflicts with a curator's edit. Each change that moves
 * places taken is announced as {@code directory.capacity-changed} (and {@code directory.service-full}
 * when the last place goes) through the outbox, in the inbox's transaction: a redelivered event
 * neither counts nor announces twice.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseloadEventsConsumer.class);
    static final String PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    static final String ENDED = "org.linkwork.case.activity-ended.v1";

    private final Inbox inbox;
    private final ObjectMapper json;
    private final CapacityService capacity;

    CaseloadEventsConsumer(Inbox inbox, ObjectMapper json, CapacityService capacity) {
        this.inbox = inbox;
        this.json = json;
        this.capacity = capacity;
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        int change = PRESCRIBED.equals(event.type()) ? 1 : ENDED.equals(event.type()) ? -1 : 0;
        if (change == 0) {
            return;
        }
        inbox.process("directory.places-taken", event, e -> count(e, change));
    }

    private void count(CloudEvent event, int change) {
        JsonNode body = event.dataAsJson(json);
        String serviceId = body.path("serviceId").asText("");
        if (body.path("caseId").asText("").isBlank() || serviceId.isBlank()) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + " lacks caseId or serviceId");
        }
        UUID id;
        try {
            id = UUID.fromString(serviceId);
        } catch (IllegalArgumentException e) {
            // Link workers may prescribe activities that are not in this directory: nothing to count.
            LOG.debugf("%s %s names service %s, not a directory id", event.type(), event.id(), serviceId);
            return;
        }
        capacity.movePlacesTaken(id, change, event.id(), event.type());
    }
}
