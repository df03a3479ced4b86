package org.linkwork.outcomes.assessments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.outcomes.instruments.Instrument;

@Schema(name = "AssessmentRequest", description = "A completed wellbeing questionnaire")
public record AssessmentRequest(
        @NotNull @Schema(description = "The caseload-service case the patient is on", required = true) UUID caseId,
        @NotNull @Schema(required = true) Instrument instrument,
        @NotNull @Schema(required = true) Timepoint timepoint,
        @NotNull @Schema(required = true, description = """
                Every item of the instrument, answered with a whole number, and no other item. \
                ONS4 (0-10): lifeSatisfaction, worthwhile, happiness, anxiety. \
                SWEMWBS (1 none of the time - 5 all of the time): optimistic, useful, relaxed, dealingWithProblems, \
                thinkingClearly, closeToOthers, ownMind. \
                UCLA3 (1 hardly ever or never, 2 some of the time, 3 often): lackCompanionship, leftOut, isolated.""")
        Map<String, BigDecimal> answers,
        @NotNull @PastOrPresent @Schema(required = true, description = "When the patient completed the questionnaire")
        OffsetDateTime completedAt) {
}
