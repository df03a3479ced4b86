package org.linkwork.directory.events;

import org.junit.jupiter.api.Test;
import org.linkwork.testkit.EventContracts;

/** The caseload events this service reads, against caseload-service's published schemas. */
class CaseloadEventContractsTest {

    @Test
    void anActivityPrescribedReadsAsAPrescribedActivity() throws Exception {
        EventContracts.assertReadable(PrescribedActivity.class, "caseload-service", CaseloadEventsConsumer.PRESCRIBED);
    }

    @Test
    void anActivityEndedReadsAsAPrescribedActivity() throws Exception {
        EventContracts.assertReadable(PrescribedActivity.class, "caseload-service", CaseloadEventsConsumer.ENDED);
    }
}
