package org.linkwork.directory.capacity;

import java.util.List;
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
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CapacityEvents capacityEvents;

    CaseloadEventsConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json, CapacityEvents capacityEvents) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
        this.capacityEvents = capacityEvents;
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
        // The sub-select locks the row and reads places taken before the change, so that the event
        // carries a consistent before/after even when two prescriptions of one service arrive at once.
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("UPDATE service s SET places_taken = greatest(s.places_taken + ?1, 0)"
                + " FROM (SELECT id, places_taken FROM service WHERE id = ?2 FOR UPDATE) old WHERE s.id = old.id"
                + " RETURNING s.name, s.places_per_session, old.places_taken, s.places_taken")
                .setParameter(1, change).setParameter(2, id).getResultList();
        if (rows.isEmpty()) {
            LOG.debugf("%s %s names service %s, not in this directory", event.type(), event.id(), serviceId);
            return;
        }
        Object[] row = rows.get(0);
        int before = ((Number) row[2]).intValue();
        int after = ((Number) row[3]).intValue();
        if (before != after) {
            capacityEvents.changed(id, (String) row[0], row[1] == null ? null : ((Number) row[1]).intValue(), before, after,
                    event.id(), event.type());
        }
    }
}
