package org.linkwork.caseload.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.caseload.cases.CaseAssigned;
import org.linkwork.caseload.cases.CaseClosed;
import org.linkwork.caseload.cases.CaseWaitingListed;
import org.linkwork.caseload.cases.ContactRecorded;
import org.linkwork.caseload.prescriptions.ActivityEnded;
import org.linkwork.caseload.prescriptions.ActivityPrescribed;
import org.linkwork.platform.outbox.Outbox;

/**
 * Case lifecycle events on {@code caseload-events}, keyed by case id and carrying the referral id
 * so that referral-service can mirror the status. Schemas: {@code META-INF/resources/asyncapi/}.
 * Each observer runs in the transaction of the change that fired it, so the outbox row commits or
 * rolls back with it.
 */
@ApplicationScoped
public class CaseEvents {

    private static final String TOPIC = "caseload-events";
    private static final String WAITING_LISTED = "org.linkwork.case.waiting-listed.v1";
    private static final String ASSIGNED = "org.linkwork.case.assigned.v1";
    private static final String CONTACT_RECORDED = "org.linkwork.case.contact-recorded.v1";
    private static final String CLOSED = "org.linkwork.case.closed.v1";
    private static final String ACTIVITY_PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    private static final String ACTIVITY_ENDED = "org.linkwork.case.activity-ended.v1";

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes CaseWaitingListed e) {
        outbox.publish(TOPIC, WAITING_LISTED, e.caseId().toString(), e);
    }

    void on(@Observes CaseAssigned e) {
        outbox.publish(TOPIC, ASSIGNED, e.caseId().toString(), e);
    }

    void on(@Observes ContactRecorded e) {
        outbox.publish(TOPIC, CONTACT_RECORDED, e.caseId().toString(), e);
    }

    void on(@Observes CaseClosed e) {
        outbox.publish(TOPIC, CLOSED, e.caseId().toString(), e);
    }

    void on(@Observes ActivityPrescribed e) {
        outbox.publish(TOPIC, ACTIVITY_PRESCRIBED, e.caseId().toString(), e);
    }

    void on(@Observes ActivityEnded e) {
        outbox.publish(TOPIC, ACTIVITY_ENDED, e.caseId().toString(), e);
    }
}
