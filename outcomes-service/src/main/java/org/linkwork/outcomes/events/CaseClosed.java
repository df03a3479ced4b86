package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A case closed with caseload-service's coded reason. */
public record CaseClosed(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String odsCode, String pcnCode,
        @NotBlank String reason, @NotNull OffsetDateTime closedAt) {

    static final String TYPE = "org.linkwork.case.closed.v1";
}
