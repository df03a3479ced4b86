package org.linkwork.outcomes.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;

@Schema(name = "Assessment", description = "A stored assessment with the scores computed from its answers")
public record AssessmentView(UUID id, UUID caseId, Instrument instrument, Timepoint timepoint,
        OffsetDateTime completedAt, OffsetDateTime recordedAt, Map<String, Integer> answers,
        @Schema(description = """
                ONS4: one score per item (never summed) with its ONS band (LOW/MEDIUM/HIGH/VERY_HIGH; anxiety \
                VERY_LOW/LOW/MEDIUM/HIGH). SWEMWBS: `raw` (7-35) and `metric` (Rasch-converted, 7.00-35.00). \
                UCLA3: `total` (3-9) with band LONELY (6 or more) or NOT_LONELY.""")
        List<Score> scores) {

    static AssessmentView of(Assessment assessment) {
        return new AssessmentView(assessment.id, assessment.caseId, assessment.instrument, assessment.timepoint,
                assessment.completedAt, assessment.recordedAt, Map.copyOf(assessment.answers),
                List.copyOf(assessment.scores));
    }
}
