package org.linkwork.dashboard.events;

import org.junit.jupiter.api.Test;
import org.linkwork.testkit.EventContracts;

/** Each record the dashboard binds ics-events to, against outcomes-service's published schema of that type. */
class IcsEventContractsTest {

    private static final String PRODUCER = "outcomes-service";

    @Test
    void readsEveryReceivedReferralOfBothVersions() throws Exception {
        EventContracts.assertReadable(IcsEventsConsumer.ReferralReceived.class, PRODUCER, IcsEventsConsumer.ReferralReceived.TYPE);
        EventContracts.assertReadable(IcsEventsConsumer.ReferralReceivedV2.class, PRODUCER, IcsEventsConsumer.ReferralReceivedV2.TYPE);
    }

    @Test
    void readsEveryDecisionOnAReferral() throws Exception {
        EventContracts.assertReadable(IcsEventsConsumer.ReferralAccepted.class, PRODUCER, IcsEventsConsumer.ReferralAccepted.TYPE);
        EventContracts.assertReadable(IcsEventsConsumer.ReferralRejected.class, PRODUCER, IcsEventsConsumer.ReferralRejected.TYPE);
    }

    @Test
    void readsEveryStepOfACase() throws Exception {
        EventContracts.assertReadable(IcsEventsConsumer.WaitingListed.class, PRODUCER, IcsEventsConsumer.WaitingListed.TYPE);
        EventContracts.assertReadable(IcsEventsConsumer.CaseAssigned.class, PRODUCER, IcsEventsConsumer.CaseAssigned.TYPE);
        EventContracts.assertReadable(IcsEventsConsumer.ContactRecorded.class, PRODUCER, IcsEventsConsumer.ContactRecorded.TYPE);
        EventContracts.assertReadable(IcsEventsConsumer.CaseClosed.class, PRODUCER, IcsEventsConsumer.CaseClosed.TYPE);
    }

    @Test
    void readsEveryAssessment() throws Exception {
        EventContracts.assertReadable(IcsEventsConsumer.AssessmentRecorded.class, PRODUCER, IcsEventsConsumer.AssessmentRecorded.TYPE);
    }

    @Test
    void readsEveryWorkforceChange() throws Exception {
        EventContracts.assertReadable(IcsEventsConsumer.WorkforceChanged.class, PRODUCER, IcsEventsConsumer.WorkforceChanged.TYPE);
    }
}
