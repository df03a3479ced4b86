package org.linkwork.referral.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What this service reads of caseload-service's {@code org.linkwork.case.activity-prescribed.v1}. */
public record CaseActivityPrescribed(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID prescriptionId,
        @NotNull OffsetDateTime at) {

    static final String TYPE = "org.linkwork.case.activity-prescribed.v1";
}
