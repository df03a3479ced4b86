package org.linkwork.outcomes.caseowner;

import java.time.OffsetDateTime;
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
 * Learns case ownership from {@code org.linkwork.case.assigned.v1} (schema published by
 * caseload-service), once per event through the inbox. A reassignment replaces the owner; an
 * older assignment arriving late does not.
 */
@ApplicationScoped
public class CaseAssignmentsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseAssignmentsConsumer.class);
    static final String ASSIGNED = "org.linkwork.case.assigned.v1";

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    CaseAssignmentsConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        if (ASSIGNED.equals(event.type())) {
            inbox.process("outcomes.case-owner", event, this::apply);
        }
    }

    private void apply(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        UUID caseId = UUID.fromString(body.path("caseId").asText());
        OffsetDateTime assignedAt = OffsetDateTime.parse(body.path("assignedAt").asText());
        CaseOwner owner = entityManager.find(CaseOwner.class, caseId);
        if (owner != null && owner.assignedAt.isAfter(assignedAt)) {
            LOG.infof("Case %s: assignment of %s is older than the one known; ignored", caseId, assignedAt);
            return;
        }
        boolean known = owner != null;
        if (!known) {
            owner = new CaseOwner();
            owner.caseId = caseId;
        }
        owner.referralId = UUID.fromString(body.path("referralId").asText());
        owner.linkWorker = body.path("linkWorker").asText();
        owner.pcnCode = body.path("pcnCode").isNull() ? null : body.path("pcnCode").asText();
        owner.assignedAt = assignedAt;
        if (!known) {
            entityManager.persist(owner);
        }
        LOG.infof("Case %s belongs to %s", caseId, owner.linkWorker);
    }
}
