package org.linkwork.platform.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * The relay publishes as a transaction commits, not at its next scheduled pass: here the scheduled pass never comes
 * (an hour away), so every event that arrives was sent because its transaction's commit asked for a pass.
 */
@QuarkusTest
@TestProfile(OutboxRelayOnCommitTest.ScheduledPassAnHourAway.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class OutboxRelayOnCommitTest {

    public static class ScheduledPassAnHourAway implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.outbox.relay.interval", "1h", "linkwork.outbox.relay.initial-delay", "1h");
        }
    }

    record Step(String aggregate, int sequence) {
    }

    @Inject
    Outbox outbox;

    @Test
    void aCommittedEventIsPublishedWithoutWaitingForTheScheduledPass() {
        String topic = "outbox-on-commit-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "org.linkwork.test.happened.v1", "case-1",
                new Step("case-1", 1)));

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 1, Duration.ofSeconds(30), Duration.ZERO);

        assertEquals(1, records.size(), "published by the pass its commit asked for");
    }

    @Test
    void commitsFromManyThreadsAreEachPublishedOnceInOrderPerAggregate() throws Exception {
        String topic = "outbox-on-commit-burst-" + UUID.randomUUID();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> aggregates = new ArrayList<>();
            for (int aggregate = 1; aggregate <= 4; aggregate++) {
                String key = "case-" + aggregate;
                aggregates.add(writers.submit(() -> {
                    for (int sequence = 1; sequence <= 25; sequence++) {
                        Step step = new Step(key, sequence);
                        QuarkusTransaction.requiringNew().run(() -> outbox.publish(topic, "org.linkwork.test.step.v1",
                                key, step));
                    }
                }));
            }
            for (Future<?> aggregate : aggregates) {
                aggregate.get();
            }
        } finally {
            writers.shutdown();
        }

        List<ConsumerRecord<String, String>> records = TopicReader.read(topic, 100, Duration.ofSeconds(30),
                Duration.ofSeconds(2));

        assertEquals(100, records.size(), "every commit's event arrives, with no scheduled pass to catch one missed");
        Set<String> ids = new HashSet<>();
        records.forEach(r -> ids.add(TopicReader.header(r, "ce_id")));
        assertEquals(100, ids.size(), "none twice");
        OutboxRelayTest.assertInOrderPerAggregate(records, 25);
    }
}
