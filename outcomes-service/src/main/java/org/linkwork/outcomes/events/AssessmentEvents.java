package org.linkwork.outcomes.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.outcomes.assessments.AssessmentRecorded;
import org.linkwork.platform.outbox.Outbox;

/**
 * {@code org.linkwork.outcome.assessment-recorded.v1} on {@code outcome-events} (keyed by case id), through the outbox
 * in the transaction that stores the assessment; its pseudonymised twin on {@code ics-events} is {@link IcsEvents}'.
 */
@ApplicationScoped
public class AssessmentEvents {

    private final Outbox outbox;

    AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes AssessmentRecorded recorded) {
        outbox.publish("outcome-events", "org.linkwork.outcome.assessment-recorded.v1", recorded.caseId().toString(),
                recorded);
    }
}
