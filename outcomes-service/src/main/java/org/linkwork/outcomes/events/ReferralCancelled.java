package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * A cancelled referral. {@code reason} is free text in cancellations from before reasons were coded, so it is read
 * as any text and filtered later.
 */
public record ReferralCancelled(@NotNull UUID referralId, @NotBlank String odsCode, @NotBlank String previousStatus,
        String reason, @NotNull OffsetDateTime cancelledAt) {

    static final String TYPE = "org.linkwork.referral.cancelled.v1";
}
