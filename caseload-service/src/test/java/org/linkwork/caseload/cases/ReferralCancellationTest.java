package org.linkwork.caseload.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/**
 * A referral cancelled after its case was opened, through {@code referral.cancelled} on the real broker. Each test
 * has a PCN no other test gives link workers to, so the waiting list behaves only as the test arranges it.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferralCancellationTest {

    @Inject
    EntityManager entityManager;

    @Test
    void cancellingAReferralClosesItsCaseEndsItsActivitiesAndGivesTheWorkersPlaceToTheWaitingList() throws Exception {
        String pcn = "U94664";
        String worker = CaseloadFixtures.uniqueUsername("lw-cancel");
        String workerId = CaseloadFixtures.addWorker(pcn, worker, 1);
        String token = Tokens.linkWorker(worker, pcn);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID assignedReferral = UUID.randomUUID();
        UUID waitingReferral = UUID.randomUUID();
        UUID laterWaitingReferral = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(assignedReferral, practiceOf(pcn), "ROUTINE", now.minusDays(10), null));
        String assignedCase = (String) CaseloadFixtures.awaitCase(pcn, assignedReferral).get("id");
        CaseloadFixtures.publish(CaseloadFixtures.accepted(waitingReferral, practiceOf(pcn), "ROUTINE", now.minusDays(5), null),
                CaseloadFixtures.accepted(laterWaitingReferral, practiceOf(pcn), "ROUTINE", now.minusDays(1), null));
        assertEquals("WAITING", CaseloadFixtures.awaitCase(pcn, waitingReferral).get("status"));
        String laterWaitingCase = (String) CaseloadFixtures.awaitCase(pcn, laterWaitingReferral).get("id");

        String walk = prescribe(token, assignedCase, "svc-walk");
        move(token, assignedCase, walk, "ACCEPTED");
        move(token, assignedCase, walk, "ATTENDING");
        String choir = prescribe(token, assignedCase, "svc-choir");

        // A case still on the waiting list simply closes and leaves it.
        CaseloadFixtures.publish(cancelled(laterWaitingReferral, "ACCEPTED"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator(pcn))
                .get("/cases/" + laterWaitingCase).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReason", equalTo("REFERRAL_CANCELLED")));
        assertEquals(List.of(waitingReferral.toString()), waitingList(pcn));

        CloudEvent cancellation = cancelled(assignedReferral, "IN_PROGRESS");
        CaseloadFixtures.publish(cancellation, cancellation);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.coordinator(pcn))
                .get("/cases/" + assignedCase).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closureReason", equalTo("REFERRAL_CANCELLED")));

        given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases/" + assignedCase + "/prescriptions").then()
                .body("find { it.id == '%s' }.status".formatted(walk), equalTo("STOPPED"))
                .body("find { it.id == '%s' }.status".formatted(choir), equalTo("DECLINED"));
        Map<String, Object> pulled = CaseloadFixtures.casesOf(pcn, waitingReferral).get(0);
        assertEquals("ASSIGNED", pulled.get("status"), "the freed place went to the waiting list");
        assertEquals(worker, ((Map<?, ?>) pulled.get("linkWorker")).get("username"));
        assertEquals(List.of(), waitingList(pcn));
        given().auth().oauth2(Tokens.coordinator(pcn)).get("/link-workers").then()
                .body("find { it.id == '%s' }.openCases".formatted(workerId), equalTo(1));

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf("caseload-events", assignedCase, 5);
        assertEquals(List.of("org.linkwork.case.assigned.v1", "org.linkwork.case.activity-prescribed.v1",
                "org.linkwork.case.activity-prescribed.v2", "org.linkwork.case.activity-ended.v1",
                "org.linkwork.case.closed.v1"),
                events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
        assertTrue(events.get(3).value().contains("\"status\":\"STOPPED\""), events.get(3).value());
        assertTrue(events.get(4).value().contains("\"reason\":\"REFERRAL_CANCELLED\""), events.get(4).value());
        assertEquals(1L, count("SELECT count(*) FROM outbox_event WHERE aggregate_key = ?1 AND event_type = 'org.linkwork.case.closed.v1'",
                assignedCase), "the redelivered cancellation closed nothing twice");
    }

    @Test
    void closingACaseForAnyReasonEndsTheActivitiesThatHeldPlaces() {
        String pcn = "U31228";
        CaseloadFixtures.addWorker(pcn, CaseloadFixtures.uniqueUsername("lw-done"), 5);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        Map<String, Object> opened = CaseloadFixtures.awaitCase(pcn, referralId);
        String caseId = (String) opened.get("id");
        String token = Tokens.linkWorker(workerOf(opened), pcn);
        String garden = prescribe(token, caseId, "svc-garden");
        move(token, caseId, garden, "ACCEPTED");

        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"GOALS_MET\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(200).body("closureReason", equalTo("GOALS_MET"));

        given().auth().oauth2(token).get("/cases/" + caseId + "/prescriptions").then().body("[0].status", equalTo("STOPPED"));
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf("caseload-events", caseId, 5);
        assertEquals(List.of("org.linkwork.case.assigned.v1", "org.linkwork.case.activity-prescribed.v1",
                "org.linkwork.case.activity-prescribed.v2", "org.linkwork.case.activity-ended.v1",
                "org.linkwork.case.closed.v1"),
                events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
    }

    @Test
    void aLinkWorkerCannotCloseACaseAsIfItsReferralWereCancelled() {
        String pcn = "U31228";
        CaseloadFixtures.addWorker(pcn, CaseloadFixtures.uniqueUsername("lw-nocancel"), 5);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        Map<String, Object> opened = CaseloadFixtures.awaitCase(pcn, referralId);
        String caseId = (String) opened.get("id");
        String token = Tokens.linkWorker(workerOf(opened), pcn);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"reason\":\"REFERRAL_CANCELLED\"}").post("/cases/" + caseId + "/close")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reason"));
        given().auth().oauth2(token).get("/cases/" + caseId).then().body("status", equalTo("ASSIGNED"));
    }

    @Test
    void aCancellationOfAReferralThatNeverHadACaseIsAppliedAndChangesNothing() {
        CloudEvent cancellation = cancelled(UUID.randomUUID(), "RECEIVED");
        CaseloadFixtures.publish(cancellation);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "SELECT count(*) FROM inbox_event WHERE consumer = 'caseload.close-cancelled-case' AND event_id = ?1",
                cancellation.id()) == 1);
    }

    /** referral-service's {@code referral.cancelled} event as its published schema describes it. */
    private static CloudEvent cancelled(UUID referralId, String previousStatus) {
        String data = """
                {"referralId":"%s","odsCode":"B86043","previousStatus":"%s","reason":"MOVED_AWAY","cancelledAt":"%s"}"""
                .formatted(referralId, previousStatus, OffsetDateTime.now(ZoneOffset.UTC));
        return new CloudEvent(UUID.randomUUID().toString(), "/referral-service", "org.linkwork.referral.cancelled.v1",
                referralId.toString(), OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }

    private static String workerOf(Map<String, Object> opened) {
        return (String) ((Map<?, ?>) opened.get("linkWorker")).get("username");
    }

    private static String prescribe(String token, String caseId, String serviceId) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"serviceId\":\"" + serviceId + "\"}")
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201).extract().path("id");
    }

    private static void move(String token, String caseId, String prescriptionId, String status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .post("/cases/" + caseId + "/prescriptions/" + prescriptionId + "/status").then().statusCode(200);
    }

    private static List<String> waitingList(String pcn) {
        return given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases/waiting-list")
                .then().statusCode(200).extract().jsonPath().getList("referralId");
    }

    private String practiceOf(String pcn) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT ods_code FROM practice WHERE pcn_code = ?1 ORDER BY ods_code LIMIT 1")
                .setParameter(1, pcn).getSingleResult());
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }
}
