package org.linkwork.referral.referral;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ReferralStatusTest {

    @Test
    void triageDecidesAReceivedReferral() {
        assertTrue(ReferralStatus.RECEIVED.canMoveTo(ReferralStatus.ACCEPTED));
        assertTrue(ReferralStatus.RECEIVED.canMoveTo(ReferralStatus.REJECTED));
        assertFalse(ReferralStatus.RECEIVED.canMoveTo(ReferralStatus.ASSIGNED));
    }

    @Test
    void caseProgressFollowsAcceptance() {
        assertTrue(ReferralStatus.ACCEPTED.canMoveTo(ReferralStatus.ASSIGNED));
        assertTrue(ReferralStatus.ASSIGNED.canMoveTo(ReferralStatus.IN_PROGRESS));
        assertTrue(ReferralStatus.IN_PROGRESS.canMoveTo(ReferralStatus.COMPLETED));
        assertTrue(ReferralStatus.IN_PROGRESS.canMoveTo(ReferralStatus.PATIENT_DECLINED));
        assertTrue(ReferralStatus.ASSIGNED.canMoveTo(ReferralStatus.UNABLE_TO_CONTACT));
        assertFalse(ReferralStatus.ACCEPTED.canMoveTo(ReferralStatus.COMPLETED));
    }

    @Test
    void onlyOpenReferralsCanBeCancelled() {
        for (ReferralStatus status : ReferralStatus.values()) {
            assertTrue(status.canMoveTo(ReferralStatus.CANCELLED) == status.isOpen(), status.name());
        }
    }

    @Test
    void closedReferralsStayClosed() {
        for (ReferralStatus closed : new ReferralStatus[] { ReferralStatus.REJECTED, ReferralStatus.COMPLETED,
                ReferralStatus.CANCELLED, ReferralStatus.UNABLE_TO_CONTACT }) {
            for (ReferralStatus next : ReferralStatus.values()) {
                assertFalse(closed.canMoveTo(next), closed + " -> " + next);
            }
        }
    }
}
