package org.linkwork.e2e;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.linkwork.local.IcsEvents;
import org.linkwork.local.Deployment;

/**
 * Kafka clients of the running suite's broker, each a client of the realm with a real Keycloak token: the
 * {@code ics-dashboard} consumer exactly as {@code deploy/ics/ics-consumer.properties} (the README's example)
 * sets it up, and any other client through {@link Deployment#kafkaClient}.
 */
final class BackboneClients {

    private final Deployment suite;

    BackboneClients(Deployment suite) {
        this.suite = suite;
    }

    /** {@code clientId} with its local secret ({@code <client>-local-secret}). */
    Map<String, Object> as(String clientId) {
        return suite.kafkaClient(clientId);
    }

    Map<String, Object> as(String clientId, String secret) {
        return suite.kafkaClient(clientId, secret);
    }

    /** The ICS team's consumer from the properties file, in a new group of its own (so it reads from the start). */
    KafkaConsumer<String, String> icsDashboard() {
        return icsDashboardInGroup("ics-dashboard-e2e-" + UUID.randomUUID());
    }

    KafkaConsumer<String, String> icsDashboardInGroup(String group) {
        Properties config = new IcsEvents(suite, System.out).consumerConfig();
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        return new KafkaConsumer<>(config);
    }

    /** A consumer without a group: it reads assigned partitions and commits nothing, so no real group is disturbed. */
    KafkaConsumer<String, String> consumer(Map<String, Object> client) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** A consumer in {@code group}, for subscriptions. */
    KafkaConsumer<String, String> consumer(Map<String, Object> client, String group) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /** A producer that gives up within seconds, so a refusal shows as a failed send rather than a long wait. */
    KafkaProducer<String, String> producer(Map<String, Object> client, Map<String, Object> extra) {
        Map<String, Object> config = new HashMap<>(client);
        config.put("max.block.ms", "20000");
        config.put("request.timeout.ms", "10000");
        config.put("delivery.timeout.ms", "20000");
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** outcomes-service's keyed pseudonym (HMAC-SHA256 under the suite's secret, lower-case hex): ics-events' keys. */
    String pseudonym(String identifier) {
        try {
            String secret = suite.pseudonymSecret();
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(identifier.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot compute the suite's pseudonym", e);
        }
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
