package org.linkwork.platform.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.audit.AuditRecord.Outcome;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class AuditTrailTest {

    @Inject
    AuditTrail audit;

    @Test
    @TestSecurity(user = "dr-patel", roles = { "gp" })
    void recordsWhoDidWhatToWhichPatient() {
        String patient = "999" + UUID.randomUUID().toString().substring(0, 7);
        audit.record("referral.read", "Referral", "r-1", patient, Outcome.SUCCESS);

        List<AuditRecord> records = audit.forPatient(patient, 0, 10);

        assertEquals(1, records.size());
        AuditRecord record = records.get(0);
        assertEquals("dr-patel", record.actor());
        assertEquals("gp", record.roles());
        assertEquals("referral.read", record.action());
        assertEquals("Referral", record.resourceType());
        assertEquals("r-1", record.resourceId());
        assertEquals(Outcome.SUCCESS, record.outcome());
    }

    @Test
    @TestSecurity(user = "lw-jones", roles = { "link-worker" })
    void refusedAccessIsKeptEvenWhenTheCallerRollsBack() {
        String patient = "999" + UUID.randomUUID().toString().substring(0, 7);
        QuarkusTransaction.begin();
        audit.record("case.read", "Case", "c-9", patient, Outcome.DENIED);
        QuarkusTransaction.rollback();

        List<AuditRecord> records = audit.forPatient(patient, 0, 10);

        assertEquals(1, records.size());
        assertEquals(Outcome.DENIED, records.get(0).outcome());
        assertEquals(1, audit.byActor("lw-jones", 0, 100).stream()
                .filter(r -> patient.equals(r.patientId())).count());
    }
}
