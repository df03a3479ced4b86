package org.linkwork.outcomes.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;

/**
 * Fired (CDI event) in the transaction that stores the assessment, and published as it is on {@code outcome-events}
 * (JSON Schema {@code org.linkwork.outcome.assessment-recorded.v1}).
 */
public record AssessmentRecorded(UUID assessmentId, UUID caseId, UUID referralId, Instrument instrument,
        Timepoint timepoint, OffsetDateTime completedAt, OffsetDateTime recordedAt, String recordedBy,
        List<Score> scores) {
}
