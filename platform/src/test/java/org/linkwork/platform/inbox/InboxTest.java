package org.linkwork.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.PostgresServer;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class InboxTest {

    static final String TOPIC = "platform-inbox-test";

    @Inject
    TestEventConsumer consumer;

    @Inject
    EntityManager entityManager;

    @Test
    void redeliveredEventIsAppliedOnce() {
        CloudEvent event = event("ok");
        send(event, event, event);
        CloudEvent marker = event("ok");
        send(marker);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(marker.id()) == 1);
        assertEquals(1, effectsOf(event.id()), "three deliveries, one effect");
        assertEquals(1, inboxRowsOf(event.id()));
    }

    @Test
    void effectThatFailsIsRetriedAndLeavesNoTraceUntilItSucceeds() {
        CloudEvent flaky = event("flaky");
        send(flaky);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(flaky.id()) == 1);
        assertEquals(3, consumer.attemptsFor(flaky.id()), "two failures, then success");
        assertEquals(1, inboxRowsOf(flaky.id()));
    }

    @Test
    void eventWhoseEffectKeepsFailingGoesToTheDeadLetterTopicAfterBoundedRetriesAndTheConsumerCarriesOn() {
        CloudEvent failing = event("failing");
        send(failing);
        CloudEvent next = event("ok");
        send(next);

        assertDeadLettered(failing);
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(next.id()) == 1);
        assertEquals(4, consumer.attemptsFor(failing.id()), "one attempt and three retries");
        assertEquals(0, effectsOf(failing.id()));
        assertEquals(0, inboxRowsOf(failing.id()), "a failed event is not marked processed");
    }

    @Test
    void eventArrivingWhileTheDatabaseIsDownIsAppliedOnceItIsBackAndNotDeadLettered() throws InterruptedException {
        PostgresServer postgres = RealInfrastructure.postgres();
        CloudEvent during = event("ok");
        postgres.stop();
        try {
            send(during);
            // Far longer than the bounded retries (4 attempts 50 ms apart here), which once dead-lettered such events.
            Thread.sleep(8_000);
        } finally {
            postgres.restart();
        }
        CloudEvent after = event("ok");
        send(after);

        await().atMost(Duration.ofSeconds(60)).until(() -> effectsOf(after.id()) == 1);
        assertEquals(1, effectsOf(during.id()), "applied once the database was back, before the next event");
        assertEquals(1, inboxRowsOf(during.id()));
        assertTrue(TopicReader.read(TOPIC + ".dlq", 1, Duration.ofSeconds(3), Duration.ZERO,
                r -> during.id().equals(TopicReader.header(r, "ce_id"))).isEmpty(), "not dead-lettered");
    }

    @Test
    void eventWhoseDataBreaksItsRecordIsDeadLetteredWithoutRetriesOrEffect() {
        CloudEvent notJson = event(TestEventConsumer.STEP, "not json");
        CloudEvent blank = event(TestEventConsumer.STEP, "{\"behaviour\":\" \"}");
        CloudEvent missing = event(TestEventConsumer.STEP, "{\"other\":\"ok\"}");
        send(notJson, blank, missing);
        CloudEvent next = event("ok");
        send(next);

        for (CloudEvent poison : List.of(notJson, blank, missing)) {
            assertDeadLettered(poison);
            assertEquals(0, consumer.attemptsFor(poison.id()), "the effect never ran");
            assertEquals(0, inboxRowsOf(poison.id()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(next.id()) == 1);
    }

    @Test
    void eventOfATypeTheConsumerDoesNotReadIsPassedOver() {
        CloudEvent other = event("org.linkwork.test.other.v1", "{\"behaviour\":\"ok\"}");
        send(other);
        CloudEvent next = event("ok");
        send(next);

        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(next.id()) == 1);
        assertEquals(0, effectsOf(other.id()));
        assertEquals(0, inboxRowsOf(other.id()), "no effect, so nothing to remember");
    }

    private void assertDeadLettered(CloudEvent event) {
        List<ConsumerRecord<String, String>> dead = TopicReader.read(TOPIC + ".dlq", 1, Duration.ofSeconds(30),
                Duration.ZERO, r -> event.id().equals(TopicReader.header(r, "ce_id")));
        assertEquals(1, dead.size(), "dead-lettered once with its CloudEvents headers: " + event.data());
        assertEquals(event.data(), dead.get(0).value());
    }

    private CloudEvent event(String behaviour) {
        return event(TestEventConsumer.STEP, "{\"behaviour\":\"" + behaviour + "\"}");
    }

    private CloudEvent event(String type, String data) {
        String id = UUID.randomUUID().toString();
        return new CloudEvent(id, "/inbox-test", type, "aggregate-" + id, OffsetDateTime.now(ZoneOffset.UTC),
                CloudEvent.JSON, data);
    }

    private void send(CloudEvent... events) {
        TopicReader.publish(TOPIC, events);
    }

    private long effectsOf(String eventId) {
        return count("SELECT count(*) FROM test_effect WHERE event_id = ?1", eventId);
    }

    private long inboxRowsOf(String eventId) {
        return count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId);
    }

    private long count(String sql, String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, eventId).getSingleResult()).longValue());
    }
}
