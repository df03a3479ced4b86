package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/** A rejected referral with its coded reason; it names no patient. */
public record ReferralRejected(@NotNull UUID referralId, @NotBlank String odsCode, @NotBlank String reason,
        @NotNull OffsetDateTime rejectedAt) {

    static final String TYPE = "org.linkwork.referral.rejected.v1";
}
