package org.linkwork.outcomes.events;

import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.events.ReferralEventsConsumer.ReferralAccepted;
import org.linkwork.outcomes.events.ReferralEventsConsumer.ReferralCancelled;
import org.linkwork.outcomes.events.ReferralEventsConsumer.ReferralReceived;
import org.linkwork.outcomes.events.ReferralEventsConsumer.ReferralRejected;
import org.linkwork.testkit.EventContracts;

/** The referral-events records this service binds, against referral-service's published schemas. */
class ReferralEventContractsTest {

    private static final String PRODUCER = "referral-service";

    @Test
    void aReceivedReferralReadsAsReferralServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ReferralReceived.class, PRODUCER, ReferralReceived.TYPE);
    }

    @Test
    void anAcceptedReferralReadsAsReferralServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ReferralAccepted.class, PRODUCER, ReferralAccepted.TYPE);
    }

    @Test
    void aRejectedReferralReadsAsReferralServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ReferralRejected.class, PRODUCER, ReferralRejected.TYPE);
    }

    @Test
    void aCancelledReferralReadsAsReferralServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ReferralCancelled.class, PRODUCER, ReferralCancelled.TYPE);
    }
}
