package org.linkwork.referral.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.referral.ReferralChange;
import org.linkwork.referral.testing.CaseloadEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferralEventsTest {

    static final String PRACTICE = "B86003";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    DataSource dataSource;

    @Test
    void receivedAndAcceptedEventsAreCloudEventsThatMatchTheirSchemas() throws Exception {
        String id = refer(Referrals.newNhsNumber(), null);

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 2);

        assertEquals(List.of(ReferralChange.Received.TYPE, ReferralChange.Accepted.TYPE), events.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(id, event.key());
            assertEquals(id, EventTopics.header(event, "ce_subject"));
            assertEquals("/referral-service", EventTopics.header(event, "ce_source"));
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
        JsonNode accepted = JSON.readTree(events.get(1).value());
        assertEquals("Margaret", accepted.at("/patient/givenName").asText());
        assertEquals(PRACTICE, accepted.get("odsCode").asText());
    }

    @Test
    void twentyConcurrentRetriesWithOneIdempotencyKeyMakeOneReferralAndOneEvent() throws Exception {
        String nhs = Referrals.newNhsNumber();
        String key = "storm-" + UUID.randomUUID();
        ExecutorService clients = Executors.newFixedThreadPool(20);
        List<Callable<String>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            requests.add(() -> given().auth().oauth2(Tokens.gpSystem(PRACTICE)).header("Idempotency-Key", key)
                    .contentType(ContentType.JSON).body(Referrals.body(nhs, PRACTICE)).post("/referrals")
                    .then().statusCode(201).extract().path("id"));
        }
        Set<String> ids = new HashSet<>();
        try {
            for (Future<String> response : clients.invokeAll(requests)) {
                ids.add(response.get());
            }
        } finally {
            clients.shutdown();
        }

        assertEquals(1, ids.size(), "every retry answers with the same referral");
        String id = ids.iterator().next();
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 2);
        assertEquals(1, events.stream().filter(r -> ReferralChange.Received.TYPE.equals(EventTopics.header(r, "ce_type"))).count());
    }

    @Test
    void sameIdempotencyKeyWithAnotherBodyIsRefused() {
        String key = "reuse-" + UUID.randomUUID();
        refer(Referrals.newNhsNumber(), key);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(Referrals.body(Referrals.newNhsNumber(), PRACTICE))
                .post("/referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("Idempotency-Key"));
    }

    @Test
    void caseProgressIsMirroredOnceAndTheGpSeesTheReferralCompleted() throws Exception {
        String id = refer(Referrals.newNhsNumber(), null);
        UUID referralId = UUID.fromString(id);
        String caseId = UUID.randomUUID().toString();
        var assigned = CaseloadEvents.assigned(referralId, caseId, "lw-amir");
        var contact = CaseloadEvents.contactRecorded(referralId, caseId, true);
        var closed = CaseloadEvents.closed(referralId, caseId, "GOALS_MET");

        // The contact is delivered twice, as after a consumer restart.
        CaseloadEvents.send(assigned, contact, contact, closed);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE))
                .get("/referrals/" + id).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("caseId", equalTo(caseId)));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("to", equalTo(List.of("RECEIVED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS", "COMPLETED")));
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 5);
        for (ConsumerRecord<String, String> event : events.subList(2, 5)) {
            assertEquals(ReferralChange.StatusChanged.TYPE, EventTopics.header(event, "ce_type"));
            EventSchemas.assertValid(ReferralChange.StatusChanged.TYPE, event.value());
        }
    }

    @Test
    void cancellationIsAnnouncedAndMatchesItsSchema() throws Exception {
        String id = refer(Referrals.newNhsNumber(), null);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body("{\"reason\":\"PATIENT_WITHDREW_CONSENT\",\"note\":\"Daughter says she is too unwell\"}")
                .post("/referrals/" + id + "/cancel")
                .then().statusCode(200);
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 3);
        assertEquals(ReferralChange.Cancelled.TYPE, EventTopics.header(events.get(2), "ce_type"));
        EventSchemas.assertValid(ReferralChange.Cancelled.TYPE, events.get(2).value());
        JsonNode cancelled = JSON.readTree(events.get(2).value());
        assertEquals("PATIENT_WITHDREW_CONSENT", cancelled.get("reason").asText());
        assertEquals("ACCEPTED", cancelled.get("previousStatus").asText());
        assertFalse(events.get(2).value().contains("Daughter"), "the note is never published");
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id + "/history")
                .then().body("[2].reason", equalTo("PATIENT_WITHDREW_CONSENT: Daughter says she is too unwell"));
    }

    @Test
    void aCaseClosedBecauseItsReferralWasCancelledLeavesTheReferralCancelledAndIsNotDeadLettered() throws Exception {
        String id = refer(Referrals.newNhsNumber(), null);
        UUID referralId = UUID.fromString(id);
        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(referralId, caseId, "lw-amir"),
                CaseloadEvents.contactRecorded(referralId, caseId, true));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE))
                .get("/referrals/" + id).then().body("status", equalTo("IN_PROGRESS")));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body("{\"reason\":\"MOVED_AWAY\"}").post("/referrals/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        var closed = CaseloadEvents.closed(referralId, caseId, "REFERRAL_CANCELLED");
        CaseloadEvents.send(closed);

        await().atMost(Duration.ofSeconds(30)).until(() -> applied(closed.id()));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("to", equalTo(List.of("RECEIVED", "ACCEPTED", "ASSIGNED", "IN_PROGRESS", "CANCELLED")));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id)
                .then().body("status", equalTo("CANCELLED")).body("caseId", equalTo(caseId));
        assertEquals(List.of(ReferralChange.Received.TYPE, ReferralChange.Accepted.TYPE, ReferralChange.StatusChanged.TYPE,
                ReferralChange.StatusChanged.TYPE, ReferralChange.Cancelled.TYPE),
                EventTopics.eventsOf(ReferralEvents.TOPIC, id, 5).stream().map(r -> EventTopics.header(r, "ce_type")).toList());
    }

    @Test
    void aCaseEventBreakingCaseloadsSchemaIsDeadLetteredAndChangesNothing() throws Exception {
        String id = refer(Referrals.newNhsNumber(), null);
        String caseId = UUID.randomUUID().toString();
        // case.assigned without the linkWorker its schema requires.
        var assigned = CaseloadEvents.event("org.linkwork.case.assigned.v1", caseId,
                "{\"caseId\":\"%s\",\"referralId\":\"%s\"}".formatted(caseId, id));

        CaseloadEvents.send(assigned);

        List<ConsumerRecord<String, String>> dead = EventTopics.eventsOf("caseload-events.referral-service.dlq", caseId, 1);
        assertEquals(assigned.id(), EventTopics.header(dead.get(0), "ce_id"));
        assertFalse(applied(assigned.id()));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED")).body("caseId", nullValue());
    }

    /** The inbox records an event in the transaction that applied it: a dead-lettered event has no row. */
    private boolean applied(String eventId) throws Exception {
        try (var connection = dataSource.getConnection();
                var query = connection.prepareStatement(
                        "SELECT 1 FROM inbox_event WHERE consumer = 'referral.mirror-case' AND event_id = ?")) {
            query.setString(1, eventId);
            try (var rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Test
    void asyncApiDocumentAndSchemasAreServed() {
        given().get("/asyncapi/referral-events.yaml").then().statusCode(200);
        given().get("/asyncapi/schemas/" + ReferralChange.Accepted.TYPE + ".json").then().statusCode(200)
                .body("title", equalTo(ReferralChange.Accepted.TYPE));
    }

    private String refer(String nhs, String idempotencyKey) {
        var request = given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON);
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return request.body(Referrals.body(nhs, PRACTICE)).post("/referrals").then().statusCode(201).extract().path("id");
    }

}
