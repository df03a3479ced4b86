package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A link-worker appointment held or not attended. */
public record ContactRecorded(@NotNull UUID caseId, @NotNull UUID referralId, @NotNull UUID contactId,
        @NotNull OffsetDateTime contactAt, @NotBlank String mode, @NotNull Integer durationMinutes,
        @NotNull Boolean attended) {

    static final String TYPE = "org.linkwork.case.contact-recorded.v1";
}
