package org.linkwork.referral.events;

import org.junit.jupiter.api.Test;
import org.linkwork.testkit.EventContracts;

/** This service reads caseload-service's events only as far as caseload-service's published schemas promise. */
class CaseloadEventContractsTest {

    @Test
    void caseAssignedIsReadableFromCaseloadServicesSchema() throws Exception {
        EventContracts.assertReadable(CaseAssigned.class, "caseload-service", CaseAssigned.TYPE);
    }

    @Test
    void caseContactRecordedIsReadableFromCaseloadServicesSchema() throws Exception {
        EventContracts.assertReadable(CaseContactRecorded.class, "caseload-service", CaseContactRecorded.TYPE);
    }

    @Test
    void caseClosedIsReadableFromCaseloadServicesSchema() throws Exception {
        EventContracts.assertReadable(CaseClosed.class, "caseload-service", CaseClosed.TYPE);
    }

    @Test
    void activityPrescribedIsReadableFromCaseloadServicesSchema() throws Exception {
        EventContracts.assertReadable(CaseActivityPrescribed.class, "caseload-service", CaseActivityPrescribed.TYPE);
    }
}
