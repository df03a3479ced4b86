package org.linkwork.outcomes.assessments;

import java.util.UUID;

/** Fired (CDI event) in the transaction that stores the assessment, for the events it is published as. */
public record AssessmentRecorded(Assessment assessment, UUID referralId, String recordedBy) {
}
