package org.linkwork.referral.referral;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "StatusChange", description = "One change of status: when, by whom, why.")
public record StatusChangeView(ReferralStatus from, ReferralStatus to, OffsetDateTime at, String actor, String reason) {

    static StatusChangeView of(StatusChange change) {
        return new StatusChangeView(change.from, change.to, change.at, change.actor, change.reason);
    }
}
