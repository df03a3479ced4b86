package org.linkwork.outcomes.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.linkwork.outcomes.caseowner.CaseOwner;
import org.linkwork.outcomes.ics.IcsEvents;
import org.linkwork.outcomes.instrument.Instrument;
import org.linkwork.outcomes.readmodel.CaseRecord;
import org.linkwork.platform.outbox.Outbox;

/**
 * {@code org.linkwork.outcome.assessment-recorded.v1} on {@code outcome-events} (keyed by case id) and its
 * pseudonymised twin on {@code ics-events}, both through the outbox in the transaction that stores the assessment.
 */
@ApplicationScoped
public class AssessmentEvents {

    public static final String TOPIC = "outcome-events";
    public static final String ASSESSMENT_RECORDED = "org.linkwork.outcome.assessment-recorded.v1";

    private final Outbox outbox;
    private final IcsEvents ics;
    private final EntityManager entityManager;

    AssessmentEvents(Outbox outbox, IcsEvents ics, EntityManager entityManager) {
        this.outbox = outbox;
        this.ics = ics;
        this.entityManager = entityManager;
    }

    public record ScoreData(String measure, BigDecimal value, String band) {
    }

    public record AssessmentRecorded(UUID assessmentId, UUID caseId, UUID referralId, Instrument instrument,
            Timepoint timepoint, OffsetDateTime completedAt, OffsetDateTime recordedAt, String recordedBy,
            List<ScoreData> scores) {
    }

    void recorded(Assessment assessment, String recordedBy) {
        CaseOwner owner = entityManager.find(CaseOwner.class, assessment.caseId);
        CaseRecord kase = entityManager.find(CaseRecord.class, assessment.caseId);
        outbox.publish(TOPIC, ASSESSMENT_RECORDED, assessment.caseId.toString(), new AssessmentRecorded(assessment.id,
                assessment.caseId, owner.referralId, assessment.instrument, assessment.timepoint,
                assessment.completedAt, assessment.recordedAt, recordedBy,
                assessment.scores.stream().map(s -> new ScoreData(s.measure, s.value, s.band)).toList()));
        ics.assessmentRecorded(owner.referralId, kase == null ? null : kase.odsCode,
                kase == null || kase.pcnCode == null ? owner.pcnCode : kase.pcnCode, assessment.instrument.name(),
                assessment.timepoint.name(), assessment.completedAt,
                assessment.scores.stream().map(s -> new IcsEvents.Measure(s.measure, s.value, s.band)).toList());
    }
}
