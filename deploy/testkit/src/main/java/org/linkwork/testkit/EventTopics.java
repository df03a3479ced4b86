package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.KafkaCloudEvents;

/**
 * CloudEvents on the test broker, written and read as another service or a dashboard would, authenticated as
 * the test harness (the test broker's one principal allowed every topic).
 */
public final class EventTopics {

    private EventTopics() {
    }

    public static void publish(String topic, CloudEvent... events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(RealInfrastructure.kafkaTestHarness(),
                new StringSerializer(), new StringSerializer())) {
            for (CloudEvent event : events) {
                producer.send(KafkaCloudEvents.toRecord(topic, event));
            }
            producer.flush();
        }
    }

    /**
     * The records of one aggregate (record key), in topic order: waits up to 30 s for
     * {@code expected}, then 2 s more so that an unexpected extra one is seen too.
     */
    public static List<ConsumerRecord<String, String>> eventsOf(String topic, String key, int expected) {
        Map<String, Object> props = new HashMap<>(RealInfrastructure.kafkaTestHarness());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            long settle = Long.MAX_VALUE;
            while (System.nanoTime() < Math.min(deadline, settle)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.equals(record.key())) {
                        records.add(record);
                    }
                }
                if (records.size() >= expected && settle == Long.MAX_VALUE) {
                    settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
                }
            }
        }
        assertTrue(records.size() >= expected, "expected " + expected + " events of " + key + " on " + topic
                + ", got " + records.size());
        return records;
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
