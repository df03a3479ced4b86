package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.linkwork.outcomes.journeys.Patient;

/** What a received referral tells this service (referral-service's schema); codes are passed on as they are. */
public record ReferralReceived(@NotNull UUID referralId, @NotBlank String odsCode, @NotNull List<String> reasons,
        @NotBlank String urgency, @NotNull OffsetDateTime receivedAt, @NotNull @Valid Patient patient) {

    static final String TYPE = "org.linkwork.referral.received.v1";
}
