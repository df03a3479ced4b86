package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A case assigned (or reassigned) to a link worker (caseload-service's schema). */
public record CaseAssigned(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode, String pcnCode,
        @NotBlank String linkWorker, @NotNull OffsetDateTime assignedAt) {

    static final String TYPE = "org.linkwork.case.assigned.v1";
}
