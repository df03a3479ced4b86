package org.linkwork.platform.inbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.KafkaCloudEvents;
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
    void poisonEventGoesToTheDeadLetterTopicAfterBoundedRetriesAndTheConsumerCarriesOn() {
        CloudEvent poison = event("poison");
        send(poison);
        CloudEvent next = event("ok");
        send(next);

        List<ConsumerRecord<String, String>> dead = TopicReader.read(TOPIC + ".dlq", 1, Duration.ofSeconds(30),
                Duration.ZERO).stream().filter(r -> poison.id().equals(TopicReader.header(r, "ce_id"))).toList();
        assertEquals(1, dead.size(), "the poison event is dead-lettered with its CloudEvents headers");
        assertEquals(poison.data(), dead.get(0).value());
        await().atMost(Duration.ofSeconds(30)).until(() -> effectsOf(next.id()) == 1);
        assertEquals(4, consumer.attemptsFor(poison.id()), "one attempt and three retries");
        assertEquals(0, effectsOf(poison.id()));
        assertEquals(0, inboxRowsOf(poison.id()), "a failed event is not marked processed");
    }

    private CloudEvent event(String behaviour) {
        String id = UUID.randomUUID().toString();
        return new CloudEvent(id, "/inbox-test", "org.linkwork.test.step.v1", "aggregate-" + id,
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, "{\"behaviour\":\"" + behaviour + "\"}");
    }

    private void send(CloudEvent... events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                RealInfrastructure.kafkaTestHarness(), new StringSerializer(),
                new StringSerializer())) {
            for (CloudEvent event : events) {
                producer.send(KafkaCloudEvents.toRecord(TOPIC, event));
            }
            producer.flush();
        }
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
