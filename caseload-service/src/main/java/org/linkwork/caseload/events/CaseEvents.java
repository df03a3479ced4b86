package org.linkwork.caseload.events;

import java.util.Map;
import java.util.Objects;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.caseload.cases.CarePlanAgreed;
import org.linkwork.caseload.cases.CaseAssigned;
import org.linkwork.caseload.cases.CaseClosed;
import org.linkwork.caseload.cases.CaseEvent;
import org.linkwork.caseload.cases.CaseWaitingListed;
import org.linkwork.caseload.cases.ContactRecorded;
import org.linkwork.caseload.prescriptions.ActivityEnded;
import org.linkwork.caseload.prescriptions.ActivityPrescribed;
import org.linkwork.caseload.prescriptions.ActivityPrescribedV2;
import org.linkwork.platform.outbox.Outbox;

/**
 * Case lifecycle events on {@code caseload-events}, keyed by case id and carrying the referral id
 * so that referral-service can mirror the status. Each domain event record is the published payload;
 * schemas: {@code META-INF/resources/asyncapi/}. The observer runs in the transaction of the change
 * that fired it, so the outbox row commits or rolls back with it.
 */
@ApplicationScoped
public class CaseEvents {

    private static final String TOPIC = "caseload-events";
    private static final Map<Class<? extends CaseEvent>, String> TYPES = Map.of(
            CaseWaitingListed.class, "org.linkwork.case.waiting-listed.v1",
            CaseAssigned.class, "org.linkwork.case.assigned.v1",
            ContactRecorded.class, "org.linkwork.case.contact-recorded.v1",
            CarePlanAgreed.class, "org.linkwork.case.plan-agreed.v1",
            CaseClosed.class, "org.linkwork.case.closed.v1",
            ActivityPrescribed.class, "org.linkwork.case.activity-prescribed.v1",
            ActivityPrescribedV2.class, "org.linkwork.case.activity-prescribed.v2",
            ActivityEnded.class, "org.linkwork.case.activity-ended.v1");

    private final Outbox outbox;

    CaseEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes CaseEvent e) {
        String type = Objects.requireNonNull(TYPES.get(e.getClass()), () -> "No published type for " + e.getClass());
        outbox.publish(TOPIC, type, e.caseId().toString(), e);
    }
}
