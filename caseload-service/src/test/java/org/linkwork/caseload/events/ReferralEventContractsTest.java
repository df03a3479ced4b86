package org.linkwork.caseload.events;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.linkwork.testkit.EventContracts;

/** The referral events caseload reads, against the schemas referral-service publishes for them. */
class ReferralEventContractsTest {

    @Test
    void referralAcceptedReadsEveryAcceptedEventReferralServiceMayPublish() throws IOException {
        EventContracts.assertReadable(ReferralAccepted.class, "referral-service", ReferralAccepted.TYPE);
    }

    @Test
    void referralCancelledReadsEveryCancelledEventReferralServiceMayPublish() throws IOException {
        EventContracts.assertReadable(ReferralCancelled.class, "referral-service", ReferralCancelled.TYPE);
    }
}
