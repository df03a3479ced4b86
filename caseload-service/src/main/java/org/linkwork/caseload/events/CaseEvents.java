package org.linkwork.caseload.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.ClosureReason;
import org.linkwork.caseload.cases.Contact;
import org.linkwork.caseload.cases.ContactMode;
import org.linkwork.caseload.cases.PrescriptionStatus;
import org.linkwork.caseload.cases.SocialPrescription;
import org.linkwork.platform.outbox.Outbox;

/**
 * Case lifecycle events on {@code caseload-events}, keyed by case id and carrying the referral id
 * so that referral-service can mirror the status. Schemas: {@code META-INF/resources/asyncapi/}.
 */
@ApplicationScoped
public class CaseEvents {

    public static final String TOPIC = "caseload-events";
    public static final String WAITING_LISTED = "org.linkwork.case.waiting-listed.v1";
    public static final String ASSIGNED = "org.linkwork.case.assigned.v1";
    public static final String CONTACT_RECORDED = "org.linkwork.case.contact-recorded.v1";
    public static final String CLOSED = "org.linkwork.case.closed.v1";
    public static final String ACTIVITY_PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    public static final String ACTIVITY_ENDED = "org.linkwork.case.activity-ended.v1";

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record WaitingListed(UUID caseId, UUID referralId, String odsCode, String pcnCode, OffsetDateTime openedAt) {
    }

    public record Assigned(UUID caseId, UUID referralId, String odsCode, String pcnCode, UUID linkWorkerId,
            String linkWorker, OffsetDateTime assignedAt) {
    }

    public record ContactRecorded(UUID caseId, UUID referralId, UUID contactId, OffsetDateTime contactAt,
            ContactMode mode, int durationMinutes, boolean attended) {
    }

    public record Closed(UUID caseId, UUID referralId, String odsCode, String pcnCode, ClosureReason reason,
            OffsetDateTime closedAt) {
    }

    public record Activity(UUID caseId, UUID referralId, UUID prescriptionId, String serviceId,
            PrescriptionStatus status, OffsetDateTime at) {
    }

    public void activityPrescribed(Case c, SocialPrescription p) {
        outbox.publish(TOPIC, ACTIVITY_PRESCRIBED, c.id.toString(),
                new Activity(c.id, c.referralId, p.id, p.serviceId, p.status, p.updatedAt));
    }

    public void activityEnded(Case c, SocialPrescription p) {
        outbox.publish(TOPIC, ACTIVITY_ENDED, c.id.toString(),
                new Activity(c.id, c.referralId, p.id, p.serviceId, p.status, p.updatedAt));
    }

    public void waitingListed(Case c) {
        outbox.publish(TOPIC, WAITING_LISTED, c.id.toString(),
                new WaitingListed(c.id, c.referralId, c.odsCode, c.pcnCode, c.openedAt));
    }

    public void assigned(Case c) {
        outbox.publish(TOPIC, ASSIGNED, c.id.toString(), new Assigned(c.id, c.referralId, c.odsCode, c.pcnCode,
                c.linkWorker.id, c.linkWorker.username, c.assignedAt));
    }

    public void contactRecorded(Case c, Contact contact) {
        outbox.publish(TOPIC, CONTACT_RECORDED, c.id.toString(), new ContactRecorded(c.id, c.referralId, contact.id,
                contact.at, contact.mode, contact.durationMinutes, contact.attended));
    }

    public void closed(Case c) {
        outbox.publish(TOPIC, CLOSED, c.id.toString(),
                new Closed(c.id, c.referralId, c.odsCode, c.pcnCode, c.closureReason, c.closedAt));
    }
}
