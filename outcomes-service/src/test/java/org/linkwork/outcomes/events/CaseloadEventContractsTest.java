package org.linkwork.outcomes.events;

import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.ActivityPrescribed;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.ActivityPrescribedV2;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.CaseAssigned;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.CaseClosed;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.ContactRecorded;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.LinkWorkerChanged;
import org.linkwork.outcomes.events.CaseloadEventsConsumer.PlanAgreed;
import org.linkwork.testkit.EventContracts;

/** The caseload-events records this service binds, against caseload-service's published schemas. */
class CaseloadEventContractsTest {

    private static final String PRODUCER = "caseload-service";

    @Test
    void anAssignmentReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(CaseAssigned.class, PRODUCER, CaseAssigned.TYPE);
    }

    @Test
    void aRecordedContactReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ContactRecorded.class, PRODUCER, ContactRecorded.TYPE);
    }

    @Test
    void aPrescribedActivityReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ActivityPrescribed.class, PRODUCER, ActivityPrescribed.TYPE);
    }

    @Test
    void aPrescribedActivityWithItsTaxonomyTermsReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(ActivityPrescribedV2.class, PRODUCER, ActivityPrescribedV2.TYPE);
    }

    @Test
    void anAgreedPlanReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(PlanAgreed.class, PRODUCER, PlanAgreed.TYPE);
    }

    @Test
    void aClosedCaseReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(CaseClosed.class, PRODUCER, CaseClosed.TYPE);
    }

    @Test
    void aChangedLinkWorkerReadsAsCaseloadServicePublishesIt() throws Exception {
        EventContracts.assertReadable(LinkWorkerChanged.class, PRODUCER, LinkWorkerChanged.TYPE);
    }
}
