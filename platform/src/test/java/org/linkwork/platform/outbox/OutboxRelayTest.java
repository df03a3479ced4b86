package org.linkwork.platform.outbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.KafkaBroker;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Inject
    OutboxRelay relay;

    @Inject
    EntityManager entityManager;

    record Step(String aggregate, int sequence) {
    }

    @Test
    void eventWrittenInARolledBackTransactionIsNeverPublished() {
        String topic = "outbox-rollback-" + UUID.randomUUID();
        QuarkusTransaction.begin();
        outbox.publish(topic, "org.linkwork.test.rolled-back.v1", "aggregate-1", new Step("aggregate-1", 1));
        QuarkusTransaction.rollback();
        // A committed event after it proves the relay ran over this topic.
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "org.linkwork.test.committed.v1",
                "aggregate-1", new Step("aggregate-1", 2)));

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 1, Duration.ofSeconds(30),
                Duration.ofSeconds(2));

        assertEquals(1, records.size(), "only the committed event reaches Kafka");
        assertEquals("org.linkwork.test.committed.v1", TopicReader.header(records.get(0), "ce_type"));
        assertEquals(0L, countRows(topic, "org.linkwork.test.rolled-back.v1"), "nothing of it stays in the outbox");
    }

    @Test
    void committedEventIsPublishedAsACloudEventKeyedByItsAggregate() {
        String topic = "outbox-envelope-" + UUID.randomUUID();
        String eventId = QuarkusTransaction.requiringNew().call(() -> outbox.publish(topic,
                "org.linkwork.test.happened.v1", "referral-42", new Step("referral-42", 1)).id());

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 1, Duration.ofSeconds(30),
                Duration.ZERO);

        assertEquals(1, records.size());
        ConsumerRecord<String, String> record = records.get(0);
        assertEquals("referral-42", record.key());
        assertEquals("{\"aggregate\":\"referral-42\",\"sequence\":1}", record.value());
        assertEquals("1.0", TopicReader.header(record, "ce_specversion"));
        assertEquals(eventId, TopicReader.header(record, "ce_id"));
        assertEquals("/platform-test", TopicReader.header(record, "ce_source"));
        assertEquals("org.linkwork.test.happened.v1", TopicReader.header(record, "ce_type"));
        assertEquals("referral-42", TopicReader.header(record, "ce_subject"));
        assertNotNull(TopicReader.header(record, "ce_time"));
        assertEquals("application/json", TopicReader.header(record, "content-type"));
        await().atMost(Duration.ofSeconds(10)).until(() -> countUnsent(topic) == 0);
    }

    @Test
    void eventsCommittedWhileTheBrokerIsDownAreDeliveredExactlyOnceInOrderAfterItRestarts() {
        KafkaBroker broker = RealInfrastructure.kafka();
        assertNotNull(broker, "this test stops and restarts the broker, so it needs the embedded one"
                + " (unset KAFKA_BOOTSTRAP_SERVERS)");
        String topic = "outbox-outage-" + UUID.randomUUID();
        broker.stop();
        try {
            for (int sequence = 1; sequence <= 10; sequence++) {
                for (int aggregate = 1; aggregate <= 10; aggregate++) {
                    Step step = new Step("case-" + aggregate, sequence);
                    QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic,
                            "org.linkwork.test.step.v1", step.aggregate(), step));
                }
            }
            // The relay keeps trying while the broker is away; nothing may be marked sent.
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(20))
                    .until(() -> relay.pendingCount() >= 100);
            assertEquals(100L, countUnsent(topic));
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            double pendingMetric = Double.parseDouble(metrics.lines()
                    .filter(l -> l.startsWith("linkwork_outbox_pending")).findFirst().orElseThrow()
                    .replaceAll(".* ", ""));
            assertTrue(pendingMetric >= 100, "pending outbox size is exported: " + pendingMetric);
        } finally {
            broker.restart();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> countUnsent(topic) == 0);
        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 100, Duration.ofSeconds(30),
                Duration.ofSeconds(3));

        assertEquals(100, records.size(), "every committed event is delivered exactly once");
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
        assertEquals(100, ids.size(), "no event is delivered twice");
        assertInOrderPerAggregate(records, 10);
    }

    @Test
    void twoRelaysRunningAtOnceStillPublishEachEventOnceInOrder() throws Exception {
        String topic = "outbox-two-relays-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int sequence = 1; sequence <= 20; sequence++) {
                for (int aggregate = 1; aggregate <= 10; aggregate++) {
                    outbox.publish(topic, "org.linkwork.test.step.v1", "case-" + aggregate,
                            new Step("case-" + aggregate, sequence));
                }
            }
        });

        // Two more relays race the scheduled one, as two more service instances would.
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                runs.add(instances.submit(() -> {
                    int published = 0;
                    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
                    while (countUnsent(topic) > 0 && System.nanoTime() < deadline) {
                        published += relay.relayPending();
                    }
                    return published;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            instances.shutdown();
        }

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 200, Duration.ofSeconds(30),
                Duration.ofSeconds(2));
        assertEquals(200, records.size());
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
        assertEquals(200, ids.size());
        assertInOrderPerAggregate(records, 20);
    }

    static void assertInOrderPerAggregate(List<ConsumerRecord<String, String>> records, int perAggregate) {
        Map<String, Integer> last = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            int sequence = Integer.parseInt(record.value().replaceAll(".*\"sequence\":(\\d+).*", "$1"));
            int previous = last.getOrDefault(record.key(), 0);
            assertEquals(previous + 1, sequence, "events of " + record.key() + " arrive in the order written");
            last.put(record.key(), sequence);
        }
        assertTrue(last.values().stream().allMatch(n -> n == perAggregate));
    }

    private long countUnsent(String topic) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE topic = ?1 AND sent_at IS NULL")
                .setParameter(1, topic).getSingleResult()).longValue());
    }

    private long countRows(String topic, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM outbox_event WHERE topic = ?1 AND event_type = ?2")
                .setParameter(1, topic).setParameter(2, type).getSingleResult()).longValue());
    }
}
