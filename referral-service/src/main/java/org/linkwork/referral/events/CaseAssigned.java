package org.linkwork.referral.events;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** What this service reads of caseload-service's {@code org.linkwork.case.assigned.v1}. */
public record CaseAssigned(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String linkWorker) {

    static final String TYPE = "org.linkwork.case.assigned.v1";
}
