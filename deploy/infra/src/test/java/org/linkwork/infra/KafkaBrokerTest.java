package org.linkwork.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

// One broker for the class: starting one costs seconds on the 2-core machines. The tests act as the test
// harness, the one principal besides the broker allowed everything (EventBackboneSecurityTest tests the rest).
class KafkaBrokerTest {

    private static TestBackbone backbone;
    private static KafkaBroker broker;

    @BeforeAll
    static void startBroker() {
        backbone = TestBackbone.start();
        broker = backbone.broker;
    }

    @AfterAll
    static void closeBroker() {
        backbone.close();
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        String topic = "referral-created-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "r-1", "referral received")).get(30, TimeUnit.SECONDS);
        }

        assertEquals(List.of("referral received"), readAll(topic, 1));
    }

    @Test
    void comesBackOnTheSameAddressWithItsDataAfterAnOutage() throws Exception {
        String topic = "case-opened-" + UUID.randomUUID();
        String address = broker.bootstrapServers();
        try (KafkaProducer<String, String> producer = producer()) {
            producer.send(new ProducerRecord<>(topic, "c-1", "before outage")).get(30, TimeUnit.SECONDS);

            broker.stop();
            assertFalse(broker.isRunning());
            broker.restart();
            assertTrue(broker.isRunning());

            assertEquals(address, broker.bootstrapServers());
            // The producer created before the outage reconnects by itself.
            producer.send(new ProducerRecord<>(topic, "c-2", "after outage")).get(60, TimeUnit.SECONDS);
        }

        assertEquals(List.of("before outage", "after outage"), readAll(topic, 2));
    }

    private static KafkaProducer<String, String> producer() {
        Map<String, Object> config = backbone.client(RealInfrastructure.TEST_HARNESS);
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 60_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    private static List<String> readAll(String topic, int expected) {
        List<String> values = new ArrayList<>();
        Map<String, Object> config = backbone.client(RealInfrastructure.TEST_HARNESS);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
