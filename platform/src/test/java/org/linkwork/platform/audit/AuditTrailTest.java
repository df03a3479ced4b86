package org.linkwork.platform.audit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.testing.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper json;

    @Test
    @TestSecurity(user = "dr-patel", roles = { "gp" })
    void recordsWhoDidWhatToWhichPatient() {
        String patient = patient();
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
        String patient = patient();
        QuarkusTransaction.begin();
        audit.record("case.read", "Case", "c-9", patient, Outcome.DENIED);
        QuarkusTransaction.rollback();

        List<AuditRecord> records = audit.forPatient(patient, 0, 10);

        assertEquals(1, records.size());
        assertEquals(Outcome.DENIED, records.get(0).outcome());
        assertEquals(1, audit.byActor("lw-jones", 0, 100).stream()
                .filter(r -> patient.equals(r.patientId())).count());
        assertEquals(1, queuedFor(patient).size(), "the refused attempt is queued for the suite's trail too");
    }

    @Test
    @TestSecurity(user = "coord-sam", roles = { "coordinator", "link-worker" })
    void aRecordIsQueuedOnAuditEventsInTheSameCommit() throws Exception {
        String patient = patient();
        AuditRecord record = audit.record("referral.accept", "Referral", "r-7", patient, Outcome.SUCCESS);

        List<String> queued = queuedFor(patient);

        assertEquals(1, queued.size(), "exactly one outbox row, committed with the record");
        JsonNode data = json.readTree(queued.get(0));
        assertEquals(record.id().longValue(), data.get("recordId").asLong());
        assertEquals("coord-sam", data.get("actor").asText());
        assertEquals("[\"coordinator\",\"link-worker\"]", data.get("roles").toString());
        assertEquals("referral.accept", data.get("action").asText());
        assertEquals("Referral", data.get("resourceType").asText());
        assertEquals("r-7", data.get("resourceId").asText());
        assertEquals(patient, data.get("nhsNumber").asText());
        assertEquals("SUCCESS", data.get("outcome").asText());
    }

    @Test
    @TestSecurity(user = "analyst-ria", roles = { "ics-analyst" })
    void aRecordReachesKafkaAsACloudEventKeyedByThePatientOrElseTheActor() throws Exception {
        String patient = patient();
        audit.record("assessment.read", "Case", "c-1", patient, Outcome.NOT_FOUND);
        String actor = "analyst-ria";
        audit.record("report.monthly.read", "Report", "PCN:U1", null, Outcome.SUCCESS);

        // The topic holds other tests' records too: read it whole until both of these are there.
        List<ConsumerRecord<String, String>> records = await().atMost(Duration.ofSeconds(30)).until(
                () -> TopicReader.read(AuditRecorded.TOPIC, Integer.MAX_VALUE, Duration.ofSeconds(2), Duration.ZERO)
                        .stream().filter(r -> patient.equals(r.key()) || actor.equals(r.key())).toList(),
                found -> found.stream().anyMatch(r -> patient.equals(r.key()))
                        && found.stream().anyMatch(r -> actor.equals(r.key())));

        ConsumerRecord<String, String> forPatient = records.stream().filter(r -> patient.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("no audit event keyed by the patient"));
        assertEquals(AuditRecorded.TYPE, TopicReader.header(forPatient, "ce_type"));
        assertEquals("/platform-test", TopicReader.header(forPatient, "ce_source"));
        assertEquals(patient, TopicReader.header(forPatient, "ce_subject"));
        assertEquals("NOT_FOUND", json.readTree(forPatient.value()).get("outcome").asText());
        assertTrue(records.stream().anyMatch(r -> actor.equals(r.key()) && r.value().contains("report.monthly.read")),
                "a record without a patient is keyed by its actor");
    }

    private List<String> queuedFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "SELECT payload FROM outbox_event WHERE topic = ?1 AND event_type = ?2 AND aggregate_key = ?3", String.class)
                .setParameter(1, AuditRecorded.TOPIC).setParameter(2, AuditRecorded.TYPE).setParameter(3, key)
                .getResultList().stream().map(String.class::cast).toList());
    }

    private static String patient() {
        return "999" + UUID.randomUUID().toString().substring(0, 7);
    }
}
