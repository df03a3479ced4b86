package org.linkwork.caseload.cases;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Something the link worker must know before visiting the patient alone, as the referrer coded it: RISK_TO_LONE_WORKER,
 * AGGRESSIVE_BEHAVIOUR, ANIMALS_AT_ADDRESS, SAFEGUARDING_CONCERN or OTHER, with an optional note.
 */
@Embeddable
@Schema(name = "SafetyAlert", description = "Something the link worker must know before visiting the patient alone")
public record SafetyAlert(
        @Column(nullable = false) @Schema(example = "ANIMALS_AT_ADDRESS") String category,
        @Schema(example = "Large dog; ask for it to be shut away before entering") String note) {
}
