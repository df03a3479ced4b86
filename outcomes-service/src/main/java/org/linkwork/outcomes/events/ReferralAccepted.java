package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.linkwork.outcomes.journeys.Patient;

/** What an accepted referral tells this service: names, contact details and notes are not read. */
public record ReferralAccepted(@NotNull UUID referralId, @NotBlank String odsCode, @NotNull OffsetDateTime receivedAt,
        @NotNull OffsetDateTime acceptedAt, @NotNull @Valid Patient patient) {

    static final String TYPE = "org.linkwork.referral.accepted.v1";
}
