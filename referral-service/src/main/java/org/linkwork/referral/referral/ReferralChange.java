package org.linkwork.referral.referral;

/**
 * What the referral service announces as it changes a referral. {@code events.ReferralEvents}
 * observes them synchronously, in the caller's transaction, and writes the outbox row: the event
 * commits or rolls back with the change.
 */
public sealed interface ReferralChange {

    Referral referral();

    record Received(Referral referral) implements ReferralChange {
    }

    record Accepted(Referral referral, StatusChange change) implements ReferralChange {
    }

    record Rejected(Referral referral, StatusChange change, RejectionReason reason) implements ReferralChange {
    }

    record Cancelled(Referral referral, StatusChange change, CancellationReason reason) implements ReferralChange {
    }

    /** A status mirrored from the referral's case in caseload-service. */
    record StatusChanged(Referral referral, StatusChange change) implements ReferralChange {
    }
}
