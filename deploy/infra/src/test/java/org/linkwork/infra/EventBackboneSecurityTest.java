package org.linkwork.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The broker refuses everyone EventBackbone does not entitle: no TLS, no token, a forged or foreign token, a
 * wrong secret, another client's topic or consumer group. Each of these passed against the plaintext broker
 * the suite had before (every client could do everything).
 */
class EventBackboneSecurityTest {

    private static final Duration REFUSAL = Duration.ofSeconds(10);
    private static TestBackbone backbone;

    @BeforeAll
    static void startBroker() {
        backbone = TestBackbone.start();
    }

    @AfterAll
    static void closeBroker() {
        backbone.close();
    }

    @Test
    void aPlaintextConnectionLearnsNothingAboutTheCluster() {
        Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.broker.bootstrapServers());
        assertClusterRefuses(plaintext);
    }

    @Test
    void aTlsConnectionWithoutATokenLearnsNothingAboutTheCluster() {
        Map<String, Object> tlsOnly = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, backbone.broker.bootstrapServers(),
                "security.protocol", "SSL", "ssl.truststore.type", "PEM",
                "ssl.truststore.location", backbone.ca.certificate().toString());
        assertClusterRefuses(tlsOnly);
    }

    @Test
    void aClientWithTheWrongSecretGetsNoTokenAndNoConnection() {
        Map<String, Object> wrongSecret = KafkaClients.oauth(backbone.broker.bootstrapServers(), backbone.ca.certificate(),
                backbone.issuer.tokenEndpoint(), "outcomes-service", "not-the-secret");
        assertClusterRefuses(wrongSecret);
    }

    @Test
    void aTokenSignedWithAKeyTheRealmNeverPublishedIsRefused() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        long now = Instant.now().getEpochSecond();
        String claims = "{\"iss\":\"" + backbone.issuer.issuer() + "\",\"sub\":\"service-account-outcomes-service\","
                + "\"azp\":\"outcomes-service\",\"aud\":\"kafka\",\"iat\":" + now + ",\"exp\":" + (now + 300) + "}";
        String input = base64Url("{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"forged\"}") + "." + base64Url(claims);
        Signature signature = Signature.getInstance("SHA256withRSA");
        signature.initSign(generator.generateKeyPair().getPrivate());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));

        assertAuthenticationRefused(input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signature.sign()));
    }

    @Test
    void aRealmTokenIssuedForAnotherApiIsRefused() throws Exception {
        assertAuthenticationRefused(backbone.issuer.token("outcomes-service", "referral-api"));
    }

    @Test
    void eachClientWritesExactlyTheTopicsEventBackboneGivesIt() throws Exception {
        Map<String, List<String>> refusedButOwned = new TreeMap<>();
        Map<String, List<String>> allowedButNotOwned = new TreeMap<>();
        for (String clientId : clientIds()) {
            List<String> writes = EventBackbone.client(clientId).map(EventBackbone.Client::writes).orElse(List.of());
            Map<String, Object> config = backbone.client(clientId);
            config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSAL.toMillis());
            try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                    new StringSerializer())) {
                for (String topic : EventBackbone.topics()) {
                    boolean written = written(producer, new ProducerRecord<>(topic, "k", "{}"));
                    if (written && !writes.contains(topic)) {
                        allowedButNotOwned.computeIfAbsent(clientId, c -> new ArrayList<>()).add(topic);
                    } else if (!written && writes.contains(topic)) {
                        refusedButOwned.computeIfAbsent(clientId, c -> new ArrayList<>()).add(topic);
                    }
                }
            }
        }
        assertEquals(Map.of(), allowedButNotOwned, "clients that wrote a topic they do not own");
        assertEquals(Map.of(), refusedButOwned, "clients refused a topic they own");
    }

    @Test
    void eachClientReadsExactlyTheTopicsEventBackboneGivesIt() throws Exception {
        // A record on every topic, so that a read either returns it or is refused: nothing is left to timing.
        try (KafkaProducer<String, String> harness = new KafkaProducer<>(backbone.client(RealInfrastructure.TEST_HARNESS),
                new StringSerializer(), new StringSerializer())) {
            for (String topic : EventBackbone.topics()) {
                harness.send(new ProducerRecord<>(topic, "seed", "{}")).get(30, TimeUnit.SECONDS);
            }
        }
        Map<String, List<String>> refusedButConsumed = new TreeMap<>();
        Map<String, List<String>> readButNotConsumed = new TreeMap<>();
        for (String clientId : clientIds()) {
            List<String> reads = EventBackbone.client(clientId).map(EventBackbone.Client::reads).orElse(List.of());
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(backbone.client(clientId),
                    new StringDeserializer(), new StringDeserializer())) {
                for (String topic : EventBackbone.topics()) {
                    // No consumer group: only the right to read the topic is asked for.
                    consumer.assign(List.of(new TopicPartition(topic, 0)));
                    consumer.seekToBeginning(consumer.assignment());
                    boolean read = false;
                    try {
                        long deadline = System.nanoTime() + REFUSAL.toNanos();
                        while (!read && System.nanoTime() < deadline) {
                            read = !consumer.poll(Duration.ofMillis(200)).isEmpty();
                        }
                    } catch (TopicAuthorizationException e) {
                        read = false;
                    }
                    if (read && !reads.contains(topic)) {
                        readButNotConsumed.computeIfAbsent(clientId, c -> new ArrayList<>()).add(topic);
                    } else if (!read && reads.contains(topic)) {
                        refusedButConsumed.computeIfAbsent(clientId, c -> new ArrayList<>()).add(topic);
                    }
                }
            }
        }
        assertEquals(Map.of(), readButNotConsumed, "clients that read a topic they do not consume");
        assertEquals(Map.of(), refusedButConsumed, "clients refused a topic they consume");
    }

    @Test
    void anIcsDashboardReadsIcsEventsInItsOwnGroupsOnly() throws Exception {
        String id = UUID.randomUUID().toString();
        try (KafkaProducer<String, String> outcomes = new KafkaProducer<>(backbone.client("outcomes-service"),
                new StringSerializer(), new StringSerializer())) {
            outcomes.send(cloudEvent(EventBackbone.ICS_EVENTS, id, "org.linkwork.ics.referral-received.v1",
                    "/outcomes-service")).get(30, TimeUnit.SECONDS);
        }

        assertTrue(consume("ics-dashboard", "ics-dashboard-leeds-" + UUID.randomUUID(), EventBackbone.ICS_EVENTS)
                .stream().anyMatch(record -> id.equals(header(record, "ce_id"))));
        assertInstanceOf(GroupAuthorizationException.class, assertThrows(KafkaException.class,
                () -> consume("ics-dashboard", "analytics-" + UUID.randomUUID(), EventBackbone.ICS_EVENTS)));
    }

    @Test
    void aServiceCannotConsumeInAnotherServicesGroup() {
        KafkaException refused = assertThrows(KafkaException.class,
                () -> consume("referral-service", "caseload-service", EventBackbone.CASELOAD_EVENTS));
        assertInstanceOf(GroupAuthorizationException.class, refused, refused.toString());
    }

    @Test
    void aForgedReferralEventFromAnotherServiceNeverReachesAConsumer() throws Exception {
        String forged = UUID.randomUUID().toString();
        String genuine = UUID.randomUUID().toString();
        Map<String, Object> directory = backbone.client("activity-directory-service");
        directory.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) REFUSAL.toMillis());
        try (KafkaProducer<String, String> forger = new KafkaProducer<>(directory, new StringSerializer(), new StringSerializer());
                KafkaProducer<String, String> referral = new KafkaProducer<>(backbone.client("referral-service"),
                        new StringSerializer(), new StringSerializer())) {
            assertFalse(written(forger, cloudEvent(EventBackbone.REFERRAL_EVENTS, forged, "org.linkwork.referral.accepted.v1",
                    "/referral-service")), "the directory's principal wrote referral-events");
            referral.send(cloudEvent(EventBackbone.REFERRAL_EVENTS, genuine, "org.linkwork.referral.accepted.v1",
                    "/referral-service")).get(30, TimeUnit.SECONDS);
        }

        List<String> seen = consume("caseload-service", "caseload-service", EventBackbone.REFERRAL_EVENTS).stream()
                .map(record -> header(record, "ce_id")).toList();
        assertTrue(seen.contains(genuine), "the genuine event arrived: " + seen);
        assertFalse(seen.contains(forged), "the forged event arrived");
    }

    private static List<String> clientIds() {
        List<String> ids = new ArrayList<>(EventBackbone.CLIENTS.stream().map(EventBackbone.Client::clientId).toList());
        ids.add(TestBackbone.NO_RIGHTS_CLIENT);
        return ids;
    }

    private static boolean written(KafkaProducer<String, String> producer, ProducerRecord<String, String> record)
            throws Exception {
        try {
            producer.send(record).get(REFUSAL.toSeconds() + 20, TimeUnit.SECONDS);
            return true;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AuthorizationException) {
                return false;
            }
            throw e;
        } catch (AuthorizationException e) {
            // A client with no right to write anything is refused its producer id before any topic is asked.
            return false;
        } catch (KafkaException e) {
            // The same refusal seen by a later send: the producer stays in that error state.
            if (e.getCause() instanceof AuthorizationException) {
                return false;
            }
            throw e;
        }
    }

    // Until the record of interest arrives or 20 s pass; authorisation failures surface from poll().
    private static List<ConsumerRecord<String, String>> consume(String clientId, String group, String topic) {
        Map<String, Object> config = backbone.client(clientId);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }

    private static ProducerRecord<String, String> cloudEvent(String topic, String id, String type, String source) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, UUID.randomUUID().toString(), "{}");
        Map<String, String> headers = new HashMap<>(Map.of("ce_specversion", "1.0", "ce_id", id, "ce_type", type,
                "ce_source", source, "content-type", "application/json"));
        headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        return record.headers().lastHeader(name) == null ? null
                : new String(record.headers().lastHeader(name).value(), StandardCharsets.UTF_8);
    }

    private static void assertClusterRefuses(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
        assertThrows(Exception.class, () -> {
            try (Admin admin = Admin.create(config)) {
                admin.describeCluster().nodes().get(REFUSAL.toSeconds() + 5, TimeUnit.SECONDS);
            }
        });
    }

    // The token is presented as is (Kafka reads it from a file), so what is tested is the broker's check alone.
    private static void assertAuthenticationRefused(String token) throws Exception {
        Path file = Files.createTempFile("linkwork-token", ".jwt");
        try {
            Files.writeString(file, token);
            System.setProperty("org.apache.kafka.sasl.oauthbearer.allowed.files", file.toString());
            KafkaClients.allowIdentityProvider(file.toUri().toString());
            Map<String, Object> config = backbone.client("outcomes-service");
            config.put("sasl.oauthbearer.jwt.retriever.class", "org.apache.kafka.common.security.oauthbearer.FileJwtRetriever");
            config.put("sasl.oauthbearer.token.endpoint.url", file.toUri().toString());
            config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REFUSAL.toMillis());
            try (Admin admin = Admin.create(config)) {
                ExecutionException refused = assertThrows(ExecutionException.class,
                        () -> admin.describeCluster().nodes().get(REFUSAL.toSeconds() + 5, TimeUnit.SECONDS));
                assertInstanceOf(SaslAuthenticationException.class, refused.getCause());
            }
        } finally {
            System.clearProperty("org.apache.kafka.sasl.oauthbearer.allowed.files");
            Files.deleteIfExists(file);
        }
    }

    private static String base64Url(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
