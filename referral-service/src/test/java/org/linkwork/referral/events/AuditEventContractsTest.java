package org.linkwork.referral.events;

import org.junit.jupiter.api.Test;
import org.linkwork.platform.audit.AuditRecorded;
import org.linkwork.testkit.EventContracts;

/** The suite's trail reads every service's audit records as the platform's published schema describes them. */
class AuditEventContractsTest {

    @Test
    void auditRecordedIsReadableFromThePlatformsSchema() throws Exception {
        EventContracts.assertReadable(AuditRecorded.class, "platform", AuditRecorded.TYPE);
    }
}
