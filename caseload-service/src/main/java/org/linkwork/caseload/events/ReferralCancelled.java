package org.linkwork.caseload.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What caseload reads of referral-service's {@code referral.cancelled} event: whose case to close. */
public record ReferralCancelled(@NotNull UUID referralId) {

    static final String TYPE = "org.linkwork.referral.cancelled.v1";
}
