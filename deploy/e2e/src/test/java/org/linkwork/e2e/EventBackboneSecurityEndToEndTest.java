package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.security.auth.login.LoginException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.infra.EventBackbone;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.IcsEvents;
import org.linkwork.local.PatientJourney;
import org.linkwork.local.Deployment;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The launcher's Kafka broker with real Keycloak tokens: each client reads and writes only what
 * {@link EventBackbone} gives it, an ICS dashboard gets ics-events and nothing else, and a connection without TLS,
 * without a valid token or with a token not meant for Kafka gets nothing. Every refusal is checked beside the same
 * client succeeding where it is entitled, so none of these passes against a broker that refuses everything, and
 * none against a plaintext broker without authentication.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventBackboneSecurityEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Deployment suite;
    private GatewayClient gateway;
    private PatientJourney.Walked walked;
    private BackboneClients backbone;

    @BeforeAll
    void theSuiteHasWalkedOnePatient() {
        RunningSuite running = RunningSuite.get();
        suite = running.suite;
        gateway = running.gateway;
        walked = running.walked;
        backbone = new BackboneClients(suite);
    }

    @Test
    void anIcsDashboardWithTheReadmesSettingsReadsTheJourneysIcsEvents() {
        String key = backbone.pseudonym(walked.referralId().toString());
        List<String> types = new ArrayList<>();
        try (KafkaConsumer<String, String> dashboard = backbone.icsDashboard()) {
            dashboard.subscribe(List.of(EventBackbone.ICS_EVENTS));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (types.isEmpty() && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : dashboard.poll(Duration.ofSeconds(1))) {
                    if (key.equals(record.key())) {
                        types.add(BackboneClients.header(record, "ce_type"));
                    }
                }
            }
        }
        assertFalse(types.isEmpty(), "the dashboard read the walked patient's ics-events (key " + key + ")");
    }

    @Test
    void theGpConnectorReadsTheJourneysGpRecordUpdatesAndNothingElse() {
        Map<String, Object> connector = backbone.as(EventBackbone.GP_CONNECTOR);
        List<String> concepts = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = backbone.consumer(connector,
                EventBackbone.GP_CONNECTOR + "-e2e-" + UUID.randomUUID())) {
            consumer.subscribe(List.of(EventBackbone.GP_RECORD_EVENTS));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (!concepts.contains("COMPLETED") && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    if (walked.referralId().toString().equals(record.key())) {
                        concepts.add(record.value().replaceAll(".*\"concept\":\"([A-Z_]+)\".*", "$1"));
                    }
                }
            }
        }
        assertTrue(concepts.containsAll(List.of("REFERRED", "ACCEPTED", "FIRST_CONTACT", "COMPLETED")),
                "the walked patient's updates for the GP record: " + concepts);
        for (String topic : List.of(EventBackbone.REFERRAL_EVENTS, EventBackbone.ICS_EVENTS)) {
            try (KafkaConsumer<String, String> other = backbone.consumer(connector)) {
                other.assign(List.of(new TopicPartition(topic, 0)));
                assertTopicRefused(topic, refusal(other));
            }
        }
        try (KafkaConsumer<String, String> dashboard = backbone.consumer(backbone.as(EventBackbone.ICS_DASHBOARD))) {
            dashboard.assign(List.of(new TopicPartition(EventBackbone.GP_RECORD_EVENTS, 0)));
            assertTopicRefused(EventBackbone.GP_RECORD_EVENTS, refusal(dashboard));
        }
    }

    @Test
    void anIcsDashboardIsRefusedTheTopicsWithPatientIdentifiableData() {
        for (String topic : List.of(EventBackbone.REFERRAL_EVENTS, EventBackbone.CASELOAD_EVENTS)) {
            try (KafkaConsumer<String, String> subscribed = backbone.icsDashboard()) {
                subscribed.subscribe(List.of(topic));
                assertTopicRefused(topic, refusal(subscribed));
            }
            // Without a group, straight to the partition: the fetch itself is refused too.
            try (KafkaConsumer<String, String> assigned = backbone.consumer(backbone.as(EventBackbone.ICS_DASHBOARD))) {
                assigned.assign(List.of(new TopicPartition(topic, 0)));
                assertTopicRefused(topic, refusal(assigned));
            }
        }
        assertReadsIcsEvents(backbone.icsDashboard());
    }

    @Test
    void anIcsDashboardCannotWriteIcsEvents() {
        Map<String, Object> dashboard = backbone.as(EventBackbone.ICS_DASHBOARD);
        // A plain producer is refused the topic; an idempotent one (the default) already its producer id, as a
        // client with no right to write anywhere.
        Throwable topicRefused = failedSend(dashboard, Map.of("enable.idempotence", "false"), EventBackbone.ICS_EVENTS);
        assertTopicRefused(EventBackbone.ICS_EVENTS, topicRefused);
        assertInstanceOf(AuthorizationException.class, failedSend(dashboard, Map.of(), EventBackbone.ICS_EVENTS));
        assertReadsIcsEvents(backbone.icsDashboard());
    }

    @Test
    void aConsumerGroupNotNamedForTheDashboardIsRefused() {
        String group = "dashboard-" + UUID.randomUUID();
        try (KafkaConsumer<String, String> outsider = backbone.icsDashboardInGroup(group)) {
            outsider.subscribe(List.of(EventBackbone.ICS_EVENTS));
            KafkaException refused = refusal(outsider);
            assertInstanceOf(GroupAuthorizationException.class, refused, refused.toString());
            assertEquals(group, ((GroupAuthorizationException) refused).groupId());
        }
        assertReadsIcsEvents(backbone.icsDashboardInGroup(EventBackbone.ICS_DASHBOARD + "-" + UUID.randomUUID()));
    }

    @Test
    void aServiceCannotWriteAnotherServicesTopicAndItsForgedReferralReachesNoConsumer() throws Exception {
        Map<String, Object> caseload = backbone.as("caseload-service");
        List<ConsumerRecord<String, String>> before = referralEvents(caseload);
        ConsumerRecord<String, String> genuine = before.stream()
                .filter(r -> walked.referralId().toString().equals(r.key())
                        && "org.linkwork.referral.accepted.v1".equals(BackboneClients.header(r, "ce_type")))
                .findFirst().orElse(null);
        assertNotNull(genuine, "caseload-service reads the walked referral's acceptance on referral-events");

        // The genuine acceptance with another referral's id and patient: a valid-looking CloudEvent from the wrong producer.
        UUID forgedReferral = UUID.randomUUID();
        String forgedNhsNumber = PatientJourney.testNhsNumber();
        ProducerRecord<String, String> forged = new ProducerRecord<>(EventBackbone.REFERRAL_EVENTS, forgedReferral.toString(),
                genuine.value().replace(walked.referralId().toString(), forgedReferral.toString())
                        .replace(walked.nhsNumber(), forgedNhsNumber));
        for (Header header : genuine.headers()) {
            String value = new String(header.value(), StandardCharsets.UTF_8);
            switch (header.key()) {
                case "ce_id" -> value = UUID.randomUUID().toString();
                case "ce_subject" -> value = forgedReferral.toString();
                default -> {
                    // Every other attribute as the genuine event has it: source /referral-service, type, time.
                }
            }
            forged.headers().add(header.key(), value.getBytes(StandardCharsets.UTF_8));
        }
        try (KafkaProducer<String, String> directory = backbone.producer(backbone.as("activity-directory-service"), Map.of())) {
            ExecutionException refused = assertThrows(ExecutionException.class,
                    () -> directory.send(forged).get(30, TimeUnit.SECONDS));
            assertTopicRefused(EventBackbone.REFERRAL_EVENTS, refused.getCause());
        }

        List<ConsumerRecord<String, String>> after = referralEvents(caseload);
        assertTrue(after.size() >= before.size(), "caseload-service still reads referral-events");
        for (ConsumerRecord<String, String> record : after) {
            assertFalse(forgedReferral.toString().equals(record.key()) || record.value().contains(forgedReferral.toString()),
                    "the forged referral reached referral-events: " + record);
        }
        String coordinator = gateway.userToken("coord-sam");
        for (JsonNode c : gateway.get("/cases", coordinator).expect(200, "GET /cases").json()) {
            assertFalse(forgedReferral.toString().equals(c.path("referralId").asText()), "a case opened for the forgery: " + c);
        }
    }

    @Test
    void aTokenWithoutTheKafkaAudienceIsRefusedAuthentication() {
        // gp-system is a real client of the realm with a valid token, but not one issued for Kafka.
        try (KafkaConsumer<String, String> gpSystem = backbone.consumer(backbone.as("gp-system"))) {
            KafkaException refused = assertThrows(KafkaException.class,
                    () -> gpSystem.partitionsFor(EventBackbone.ICS_EVENTS, Duration.ofSeconds(30)));
            assertInstanceOf(SaslAuthenticationException.class, refused, refused.toString());
        }
        try (KafkaConsumer<String, String> dashboard = backbone.consumer(backbone.as(EventBackbone.ICS_DASHBOARD))) {
            assertFalse(dashboard.partitionsFor(EventBackbone.ICS_EVENTS, Duration.ofSeconds(30)).isEmpty());
        }
    }

    @Test
    void aWrongClientSecretGetsNoTokenAndSoNoConnection() {
        KafkaException refused = assertThrows(KafkaException.class, () -> {
            try (KafkaConsumer<String, String> impostor = backbone.consumer(backbone.as(EventBackbone.ICS_DASHBOARD,
                    "not-" + IcsEvents.LOCAL_SECRET))) {
                impostor.partitionsFor(EventBackbone.ICS_EVENTS, Duration.ofSeconds(30));
            }
        });
        assertTrue(causes(refused).stream().anyMatch(c -> c instanceof LoginException && c.getMessage().contains("401")),
                "the realm refused the secret: " + causes(refused));
        try (KafkaConsumer<String, String> dashboard = backbone.consumer(backbone.as(EventBackbone.ICS_DASHBOARD))) {
            assertFalse(dashboard.partitionsFor(EventBackbone.ICS_EVENTS, Duration.ofSeconds(30)).isEmpty());
        }
    }

    @Test
    void aPlaintextConnectionGetsNoMetadata() {
        Map<String, Object> plaintext = Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, suite.kafkaBootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000", AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        try (Admin admin = Admin.create(plaintext)) {
            ExecutionException nothing = assertThrows(ExecutionException.class,
                    () -> admin.describeCluster().nodes().get(20, TimeUnit.SECONDS),
                    "a plaintext client got the cluster's metadata");
            assertInstanceOf(org.apache.kafka.common.errors.TimeoutException.class, nothing.getCause());
        }
        try (Admin admin = Admin.create(Map.copyOf(backbone.as(EventBackbone.ICS_DASHBOARD)))) {
            assertFalse(assertDoesNotThrow(() -> admin.describeCluster().nodes().get(30, TimeUnit.SECONDS)).isEmpty());
        }
    }

    /** Everything caseload-service (which consumes it) can read of referral-events, without joining its group. */
    private List<ConsumerRecord<String, String>> referralEvents(Map<String, Object> client) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = backbone.consumer(client)) {
            List<TopicPartition> partitions = consumer.partitionsFor(EventBackbone.REFERRAL_EVENTS, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
            }
        }
        return records;
    }

    /** Reads ics-events with {@code dashboard} (closing it): the same client is not refused everything. */
    private void assertReadsIcsEvents(KafkaConsumer<String, String> dashboard) {
        int read = 0;
        try (dashboard) {
            dashboard.subscribe(List.of(EventBackbone.ICS_EVENTS));
            Instant deadline = Instant.now().plus(PATIENCE);
            while (read == 0 && Instant.now().isBefore(deadline)) {
                read += dashboard.poll(Duration.ofSeconds(1)).count();
            }
        }
        assertTrue(read > 0, "the dashboard read ics-events");
    }

    /** Polls until the broker refuses; failing if it has not within the patience (a plaintext broker never answers). */
    private static KafkaException refusal(KafkaConsumer<String, String> consumer) {
        Instant deadline = Instant.now().plus(PATIENCE);
        while (Instant.now().isBefore(deadline)) {
            try {
                consumer.poll(Duration.ofSeconds(1));
            } catch (KafkaException e) {
                return e;
            }
        }
        throw new AssertionError("not refused within " + PATIENCE.toSeconds() + " s");
    }

    /**
     * The refusal of one send: in the returned future, or thrown by send itself when an idempotent producer's
     * refused producer id came back first (its error state names that refusal as the cause).
     */
    private Throwable failedSend(Map<String, Object> client, Map<String, Object> extra, String topic) {
        try (KafkaProducer<String, String> producer = backbone.producer(client, extra)) {
            producer.send(new ProducerRecord<>(topic, "forged", "{}")).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (KafkaException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no answer to the send", e);
        }
        throw new AssertionError("the send to " + topic + " was accepted");
    }

    private static void assertTopicRefused(String topic, Throwable refused) {
        assertInstanceOf(TopicAuthorizationException.class, refused, String.valueOf(refused));
        assertEquals(Set.of(topic), ((TopicAuthorizationException) refused).unauthorizedTopics());
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable t = thrown; t != null && !chain.contains(t); t = t.getCause()) {
            chain.add(t);
        }
        return chain;
    }
}
