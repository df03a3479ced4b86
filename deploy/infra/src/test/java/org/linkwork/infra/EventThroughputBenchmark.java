package org.linkwork.infra;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * What securing the event backbone costs: the same producer (the outbox relay's settings: idempotent, acks=all,
 * no linger) and consumer against the broker as it was (plaintext, no authorisation) and as it is (TLS, OAUTHBEARER,
 * ACLs checked for a service principal). Not a test: run on demand, figures go to the README.
 *
 * <pre>
 * ./mvnw -B -pl deploy/infra test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=/tmp/infra.cp
 * java -cp deploy/infra/target/test-classes:deploy/infra/target/classes:$(cat /tmp/infra.cp) \
 *     org.linkwork.infra.EventThroughputBenchmark [records per round, default 20000] [rounds, default 3]
 * </pre>
 */
public final class EventThroughputBenchmark {

    private static final String TOPIC = EventBackbone.ICS_EVENTS;
    // About the size of a referral CloudEvent's data.
    private static final String VALUE = "{\"data\":\"" + "x".repeat(700) + "\"}";

    private EventThroughputBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        ConsoleLog.install();
        int records = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf("records per round: %d, rounds: %d, value %d bytes%n", records, rounds, VALUE.length());

        InProcessKafka plaintext = InProcessKafka.start(null, 0, null);
        try {
            Map<String, Object> client = Map.of("bootstrap.servers", plaintext.bootstrapServers());
            measure("plaintext, no authorisation", client, client, records, rounds);
        } finally {
            plaintext.close();
        }
        try (TestBackbone secured = TestBackbone.start()) {
            measure("TLS + OAUTHBEARER + ACLs", secured.client("outcomes-service"), secured.client("ics-dashboard"), records,
                    rounds);
        }
    }

    private static void measure(String label, Map<String, Object> producerClient, Map<String, Object> consumerClient,
            int records, int rounds) throws Exception {
        for (int round = 1; round <= rounds; round++) {
            long connect = System.nanoTime();
            try (KafkaProducer<String, String> producer = producer(producerClient)) {
                producer.send(new ProducerRecord<>(TOPIC, "warm-up", VALUE)).get(60, TimeUnit.SECONDS);
                double firstSendMs = (System.nanoTime() - connect) / 1e6;

                long oneByOne = System.nanoTime();
                int sequential = Math.min(records, 2_000);
                for (int i = 0; i < sequential; i++) {
                    producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), VALUE)).get();
                }
                double sequentialPerSecond = sequential / ((System.nanoTime() - oneByOne) / 1e9);

                long pipelined = System.nanoTime();
                Future<RecordMetadata> last = null;
                for (int i = 0; i < records; i++) {
                    last = producer.send(new ProducerRecord<>(TOPIC, UUID.randomUUID().toString(), VALUE));
                }
                producer.flush();
                last.get();
                double pipelinedPerSecond = records / ((System.nanoTime() - pipelined) / 1e9);

                long reading = System.nanoTime();
                int read = consumeAll(consumerClient, records + sequential + 1);
                double readPerSecond = read / ((System.nanoTime() - reading) / 1e9);
                System.out.printf("%-28s round %d: connect+first send %6.0f ms | send, wait for ack: %6.0f/s | pipelined: %7.0f/s"
                        + " | consume: %7.0f/s (%d records)%n", label, round, firstSendMs, sequentialPerSecond,
                        pipelinedPerSecond, readPerSecond, read);
            }
        }
    }

    private static KafkaProducer<String, String> producer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.put(ProducerConfig.LINGER_MS_CONFIG, 0);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    // A new group each time, from the beginning of the topic: at least this round's records.
    private static int consumeAll(Map<String, Object> client, int atLeast) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "ics-dashboard-benchmark-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        int read = 0;
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (read < atLeast && System.nanoTime() < deadline) {
                read += consumer.poll(Duration.ofMillis(200)).count();
            }
        }
        return read;
    }
}
