package org.linkwork.outcomes.readmodel;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.caseowner.CaseOwners;
import org.linkwork.outcomes.ics.IcsEvents;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The one consumer of {@code caseload-events} (schemas published by caseload-service): case ownership, the case
 * read model for reports and the matching {@code ics-events}, all in the inbox's transaction so a redelivered event
 * changes nothing and publishes nothing twice.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    static final String ASSIGNED = "org.linkwork.case.assigned.v1";
    static final String CONTACT_RECORDED = "org.linkwork.case.contact-recorded.v1";
    static final String ACTIVITY_PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    static final String CLOSED = "org.linkwork.case.closed.v1";
    private static final String CONSUMER = "outcomes.caseload-events";

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final CaseOwners owners;
    private final IcsEvents ics;

    CaseloadEventsConsumer(Inbox inbox, EntityManager entityManager, ObjectMapper json, CaseOwners owners,
            IcsEvents ics) {
        this.inbox = inbox;
        this.entityManager = entityManager;
        this.json = json;
        this.owners = owners;
        this.ics = ics;
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        switch (event.type()) {
            case ASSIGNED -> inbox.process(CONSUMER, event, this::assigned);
            case CONTACT_RECORDED -> inbox.process(CONSUMER, event, this::contactRecorded);
            case ACTIVITY_PRESCRIBED -> inbox.process(CONSUMER, event, this::activityPrescribed);
            case CLOSED -> inbox.process(CONSUMER, event, this::closed);
            default -> {
                // Waiting-list moves and ended activities change no figure reported here.
            }
        }
    }

    private void assigned(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        if (!owners.assigned(body)) {
            return;
        }
        OffsetDateTime assignedAt = OffsetDateTime.parse(body.path("assignedAt").asText());
        CaseRecord kase = caseRecord(body);
        boolean reassignment = kase.firstAssignedAt != null;
        if (!reassignment || assignedAt.isBefore(kase.firstAssignedAt)) {
            kase.firstAssignedAt = assignedAt;
        }
        place(kase, body);
        ics.caseAssigned(kase, assignedAt, reassignment);
    }

    private void contactRecorded(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        CaseRecord kase = caseRecord(body);
        UUID contactId = UUID.fromString(body.path("contactId").asText());
        if (entityManager.find(ContactRecord.class, contactId) != null) {
            return;
        }
        ContactRecord contact = new ContactRecord();
        contact.contactId = contactId;
        contact.caseId = kase.caseId;
        contact.contactAt = OffsetDateTime.parse(body.path("contactAt").asText());
        contact.attended = body.path("attended").asBoolean();
        entityManager.persist(contact);
        ics.contactRecorded(kase, contact.contactAt, body.path("mode").asText(), body.path("durationMinutes").asInt(),
                contact.attended);
    }

    private void activityPrescribed(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        CaseRecord kase = caseRecord(body);
        UUID prescriptionId = UUID.fromString(body.path("prescriptionId").asText());
        if (entityManager.find(PrescriptionRecord.class, prescriptionId) != null) {
            return;
        }
        PrescriptionRecord prescription = new PrescriptionRecord();
        prescription.prescriptionId = prescriptionId;
        prescription.caseId = kase.caseId;
        prescription.prescribedAt = OffsetDateTime.parse(body.path("at").asText());
        entityManager.persist(prescription);
    }

    private void closed(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        CaseRecord kase = caseRecord(body);
        kase.closedAt = OffsetDateTime.parse(body.path("closedAt").asText());
        kase.closeReason = body.path("reason").asText();
        place(kase, body);
        ics.caseClosed(kase);
    }

    /** Finds the case, or starts it from any of its events: events on other topics may arrive in any order. */
    private CaseRecord caseRecord(JsonNode body) {
        UUID caseId = UUID.fromString(body.path("caseId").asText());
        CaseRecord kase = entityManager.find(CaseRecord.class, caseId);
        if (kase == null) {
            kase = new CaseRecord();
            kase.caseId = caseId;
            kase.referralId = UUID.fromString(body.path("referralId").asText());
            entityManager.persist(kase);
        }
        return kase;
    }

    /** The practice and PCN the case belongs to now; the PCN is also remembered for the practice's referrals. */
    private void place(CaseRecord kase, JsonNode body) {
        kase.odsCode = body.path("odsCode").asText();
        String pcn = body.path("pcnCode").isTextual() ? body.path("pcnCode").asText() : null;
        if (pcn == null) {
            return;
        }
        kase.pcnCode = pcn;
        PracticePcn practice = entityManager.find(PracticePcn.class, kase.odsCode);
        boolean known = practice != null;
        if (!known) {
            practice = new PracticePcn();
            practice.odsCode = kase.odsCode;
        }
        practice.pcnCode = pcn;
        practice.learntAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!known) {
            entityManager.persist(practice);
        }
    }
}
