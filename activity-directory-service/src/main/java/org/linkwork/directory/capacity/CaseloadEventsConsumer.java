package org.linkwork.directory.capacity;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
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
 * moving the service's version and never conflicts with a curator's edit.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseloadEventsConsumer.class);
    static final String PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    static final String ENDED = "org.linkwork.case.activity-ended.v1";

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    CaseloadEventsConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
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
        int updated = entityManager.createNativeQuery(
                "UPDATE service SET places_taken = greatest(places_taken + ?1, 0) WHERE id = ?2")
                .setParameter(1, change).setParameter(2, id).executeUpdate();
        if (updated == 0) {
            LOG.debugf("%s %s names service %s, not in this directory", event.type(), event.id(), serviceId);
        }
    }
}
