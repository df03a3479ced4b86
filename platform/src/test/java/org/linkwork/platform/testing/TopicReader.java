package org.linkwork.platform.testing;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.KafkaCloudEvents;

import io.smallrye.reactive.messaging.kafka.companion.ConsumerTask;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Writes and reads topics as an outside producer or consumer would, through {@link KafkaCompanion}
 * authenticated as the test harness; reads start from the beginning in a fresh consumer group.
 */
public final class TopicReader {

    private TopicReader() {
    }

    public static void publish(String topic, CloudEvent... events) {
        try (KafkaCompanion companion = companion()) {
            companion.produceStrings()
                    .fromRecords(Arrays.stream(events).map(e -> KafkaCloudEvents.toRecord(topic, e)).toList())
                    .awaitCompletion(Duration.ofSeconds(30));
        }
    }

    public static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout,
            Duration quiet) {
        return read(topic, expected, timeout, quiet, r -> true);
    }

    /**
     * The records that pass {@code filter}: waits until {@code expected} arrived or {@code timeout} passed, then
     * {@code quiet} more so that a duplicate arriving late is still counted.
     */
    public static List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout,
            Duration quiet, Predicate<ConsumerRecord<String, String>> filter) {
        try (KafkaCompanion companion = companion();
                ConsumerTask<String, String> records = companion.consumeStrings()
                        .withGroupId("reader-" + UUID.randomUUID())
                        .withOffsetReset(OffsetResetStrategy.EARLIEST)
                        .fromTopics(topic, all -> all.filter(filter))) {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.count() < expected && System.nanoTime() < deadline) {
                KafkaCompanion.sleep(Duration.ofMillis(100));
            }
            KafkaCompanion.sleep(quiet);
            return List.copyOf(records.getRecords());
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return KafkaCompanion.getHeader(record.headers(), name);
    }

    private static KafkaCompanion companion() {
        Map<String, Object> harness = RealInfrastructure.kafkaTestHarness();
        KafkaCompanion companion = new KafkaCompanion((String) harness.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
        companion.setCommonClientConfig(harness);
        return companion;
    }
}
