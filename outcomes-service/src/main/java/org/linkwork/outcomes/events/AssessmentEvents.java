package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.outcomes.assessments.Assessment;
import org.linkwork.outcomes.assessments.AssessmentRecorded;
import org.linkwork.outcomes.assessments.Timepoint;
import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;
import org.linkwork.platform.outbox.Outbox;

/**
 * {@code org.linkwork.outcome.assessment-recorded.v1} on {@code outcome-events} (keyed by case id), through the outbox
 * in the transaction that stores the assessment; its pseudonymised twin on {@code ics-events} is {@link IcsEvents}'.
 */
@ApplicationScoped
public class AssessmentEvents {

    public static final String TOPIC = "outcome-events";
    public static final String ASSESSMENT_RECORDED = "org.linkwork.outcome.assessment-recorded.v1";

    private final Outbox outbox;

    AssessmentEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public record Data(UUID assessmentId, UUID caseId, UUID referralId, Instrument instrument, Timepoint timepoint,
            OffsetDateTime completedAt, OffsetDateTime recordedAt, String recordedBy, List<Score> scores) {
    }

    void on(@Observes AssessmentRecorded recorded) {
        Assessment assessment = recorded.assessment();
        outbox.publish(TOPIC, ASSESSMENT_RECORDED, assessment.caseId.toString(), new Data(assessment.id,
                assessment.caseId, recorded.referralId(), assessment.instrument, assessment.timepoint,
                assessment.completedAt, assessment.recordedAt, recorded.recordedBy(), assessment.scores));
    }
}
