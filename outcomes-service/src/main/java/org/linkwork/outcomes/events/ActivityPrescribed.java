package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** A social prescription (activity) the patient accepted. */
public record ActivityPrescribed(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID prescriptionId,
        @NotNull OffsetDateTime at) {

    static final String TYPE = "org.linkwork.case.activity-prescribed.v1";
}
