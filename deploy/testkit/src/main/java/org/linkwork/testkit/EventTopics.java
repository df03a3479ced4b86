package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.KafkaCloudEvents;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * CloudEvents on the test broker, written and read as another service or a dashboard would, through
 * {@link KafkaCompanion} authenticated as the test harness (the test broker's one principal allowed every topic).
 */
public final class EventTopics {

    private EventTopics() {
    }

    /** A companion for the shared test broker; close it after use. */
    public static KafkaCompanion companion() {
        Map<String, Object> harness = RealInfrastructure.kafkaTestHarness();
        KafkaCompanion companion = new KafkaCompanion((String) harness.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        companion.setCommonClientConfig(harness);
        return companion;
    }

    public static void publish(String topic, CloudEvent... events) {
        try (KafkaCompanion companion = companion()) {
            companion.produceStrings()
                    .fromRecords(Arrays.stream(events).map(e -> KafkaCloudEvents.toRecord(topic, e)).toList())
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    /**
     * The records of one aggregate (record key), in topic order: waits up to 30 s for
     * {@code expected}, then 2 s more so that an unexpected extra one is seen too.
     */
    public static List<ConsumerRecord<String, String>> eventsOf(String topic, String key, int expected) {
        try (KafkaCompanion companion = companion();
                ConsumerTask<String, String> records = companion.consumeStrings()
                        .withGroupId("test-" + UUID.randomUUID())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(topic, all -> all.filter(r -> key.equals(r.key())))) {
            try {
                records.awaitRecords(expected, Duration.ofSeconds(30));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("expected " + expected + " events of " + key + " on " + topic + ", got "
                        + records.count(), e);
            }
            KafkaCompanion.sleep(Duration.ofSeconds(2));
            List<ConsumerRecord<String, String>> seen = records.getRecords();
            assertTrue(seen.size() >= expected, "expected " + expected + " events of " + key + " on " + topic);
            return List.copyOf(seen);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }
}
