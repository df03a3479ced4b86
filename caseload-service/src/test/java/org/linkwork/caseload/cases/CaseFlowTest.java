package org.linkwork.caseload.cases;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
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
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;
import org.linkwork.platform.events.CloudEvent;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class CaseFlowTest {

    @Inject
    EntityManager entityManager;

    // Each test uses a PCN of its own: its cases must go to the workers it added.
    @Test
    void acceptedReferralBecomesOneCaseWithTheFreestLinkWorkerEvenWhenDeliveredTwice() {
        String pcn = "U16878";
        String busier = CaseloadFixtures.uniqueUsername("lw-busy");
        String freer = CaseloadFixtures.uniqueUsername("lw-free");
        CaseloadFixtures.addWorker(pcn, busier, 1);
        CaseloadFixtures.addWorker(pcn, freer, 5);
        UUID referralId = UUID.randomUUID();
        CloudEvent accepted = CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null);

        CaseloadFixtures.publish(accepted, accepted);
        Map<String, Object> opened = CaseloadFixtures.awaitCase(pcn, referralId);

        assertEquals("ASSIGNED", opened.get("status"));
        assertEquals(freer, ((Map<?, ?>) opened.get("linkWorker")).get("username"));
        // A second, different event for the same referral (e.g. replayed upstream) opens nothing either.
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> CaseloadFixtures.casesOf(pcn, referralId).size() == 1);
        assertEquals(1L, count("SELECT count(*) FROM case_record WHERE referral_id = ?1", referralId));
    }

    @Test
    void fullPcnPutsCasesOnTheWaitingListPriorityFirstAndAClosedCaseFreesThePlace() {
        String pcn = "U84543";
        String worker = CaseloadFixtures.uniqueUsername("lw-only");
        CaseloadFixtures.addWorker(pcn, worker, 1);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        UUID first = UUID.randomUUID();
        UUID routineOlder = UUID.randomUUID();
        UUID priorityNewer = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(first, practiceOf(pcn), "ROUTINE", now.minusDays(10), null));
        String firstCase = (String) CaseloadFixtures.awaitCase(pcn, first).get("id");
        CaseloadFixtures.publish(CaseloadFixtures.accepted(routineOlder, practiceOf(pcn), "ROUTINE", now.minusDays(9), null),
                CaseloadFixtures.accepted(priorityNewer, practiceOf(pcn), "PRIORITY", now.minusDays(1), null));
        CaseloadFixtures.awaitCase(pcn, routineOlder);
        CaseloadFixtures.awaitCase(pcn, priorityNewer);

        List<String> waiting = given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases/waiting-list")
                .then().statusCode(200).extract().jsonPath().getList("referralId");
        assertTrue(waiting.indexOf(priorityNewer.toString()) >= 0);
        assertTrue(waiting.indexOf(priorityNewer.toString()) < waiting.indexOf(routineOlder.toString()),
                "priority before routine: " + waiting);

        given().auth().oauth2(Tokens.linkWorker(worker, pcn)).contentType(ContentType.JSON)
                .body("{\"reason\":\"GOALS_MET\"}").post("/cases/" + firstCase + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));

        Map<String, Object> pulled = CaseloadFixtures.casesOf(pcn, priorityNewer).get(0);
        assertEquals("ASSIGNED", pulled.get("status"));
        assertEquals(worker, ((Map<?, ?>) pulled.get("linkWorker")).get("username"));
        assertEquals("WAITING", CaseloadFixtures.casesOf(pcn, routineOlder).get(0).get("status"));
    }

    @Test
    void moreHoursForAWorkerPullTheWaitingList() {
        String pcn = "U82712";
        String worker = CaseloadFixtures.uniqueUsername("lw-part");
        String workerId = CaseloadFixtures.addWorker(pcn, worker, 0);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        assertEquals("WAITING", CaseloadFixtures.awaitCase(pcn, referralId).get("status"));

        given().auth().oauth2(Tokens.coordinator(pcn)).contentType(ContentType.JSON)
                .body(Map.of("username", worker, "name", "Test", "pcnCode", pcn, "fte", 1.0, "caseloadCap", 3,
                        "languages", List.of("English"), "active", true))
                .put("/link-workers/" + workerId).then().statusCode(200).body("openCases", equalTo(1));

        assertEquals("ASSIGNED", CaseloadFixtures.casesOf(pcn, referralId).get(0).get("status"));
    }

    @Test
    void contactsPlanAndClosureFollowTheCaseAndAreAnnouncedAsSchemaValidEvents() throws Exception {
        String pcn = "U43067";
        String worker = CaseloadFixtures.uniqueUsername("lw-flow");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), "Polish"));
        String caseId = (String) CaseloadFixtures.awaitCase(pcn, referralId).get("id");
        String token = Tokens.linkWorker(worker, pcn);

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(contact(OffsetDateTime.now(ZoneOffset.UTC).minusDays(2), false)).post("/cases/" + caseId + "/contacts")
                .then().statusCode(201);
        given().auth().oauth2(token).get("/cases/" + caseId).then().body("status", equalTo("ASSIGNED"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(contact(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), true)).post("/cases/" + caseId + "/contacts")
                .then().statusCode(201).body("attended", equalTo(true));
        given().auth().oauth2(token).get("/cases/" + caseId).then().body("status", equalTo("ACTIVE"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("""
                        {"whatMattersToMe":"Seeing people again","goals":[{"domain":"CONNECTION","description":"Join a group"}],
                         "agreedActions":"Try the Tuesday walk","reviewDate":"2027-01-15"}""")
                .put("/cases/" + caseId + "/plan").then().statusCode(200).body("goals[0].domain", equalTo("CONNECTION"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"GOALS_MET\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"reason\":\"GOALS_MET\"}")
                .post("/cases/" + caseId + "/close").then().statusCode(409).contentType("application/problem+json");

        List<ConsumerRecord<String, String>> events = eventsOf(caseId, 4);
        assertEquals(List.of("org.linkwork.case.assigned.v1", "org.linkwork.case.contact-recorded.v1",
                "org.linkwork.case.contact-recorded.v1", "org.linkwork.case.closed.v1"),
                events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            assertEquals(caseId, event.key());
            assertTrue(event.value().contains(referralId.toString()), "carries the referral id");
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
    }

    @Test
    void acceptingAndEndingASocialPrescriptionAnnounceThePlaceTakenAndGivenUp() throws Exception {
        String pcn = "U61505";
        String worker = CaseloadFixtures.uniqueUsername("lw-rx");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        String caseId = (String) CaseloadFixtures.awaitCase(pcn, referralId).get("id");
        String token = Tokens.linkWorker(worker, pcn);

        String walk = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"serviceId\":\"svc-walk\",\"serviceName\":\"Tuesday Walk\"}").post("/cases/" + caseId + "/prescriptions")
                .then().statusCode(201).body("status", equalTo("SUGGESTED")).extract().path("id");
        String choir = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"serviceId\":\"svc-choir\"}").post("/cases/" + caseId + "/prescriptions")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"serviceId\":\"svc-walk\"}")
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(409);
        move(token, caseId, choir, "DECLINED", 200);
        move(token, caseId, walk, "ATTENDING", 409);
        move(token, caseId, walk, "ACCEPTED", 200);
        move(token, caseId, walk, "ATTENDING", 200);
        move(token, caseId, walk, "COMPLETED", 200);

        List<ConsumerRecord<String, String>> events = eventsOf(caseId, 4);
        assertEquals(List.of("org.linkwork.case.assigned.v1", "org.linkwork.case.activity-prescribed.v1",
                "org.linkwork.case.activity-prescribed.v2", "org.linkwork.case.activity-ended.v1"),
                events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
        EventSchemas.assertValid("org.linkwork.case.activity-prescribed.v1", events.get(1).value());
        EventSchemas.assertValid("org.linkwork.case.activity-prescribed.v2", events.get(2).value());
        EventSchemas.assertValid("org.linkwork.case.activity-ended.v1", events.get(3).value());
        assertTrue(events.get(1).value().contains("svc-walk"));
        assertTrue(events.get(2).value().contains("svc-walk"));
    }

    private static void move(String token, String caseId, String prescriptionId, String status, int expected) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .post("/cases/" + caseId + "/prescriptions/" + prescriptionId + "/status").then().statusCode(expected);
    }

    @Test
    void invalidContactIsRefusedNamingTheField() {
        String pcn = "U98623";
        String worker = CaseloadFixtures.uniqueUsername("lw-val");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        UUID referralId = UUID.randomUUID();
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, practiceOf(pcn), "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        String caseId = (String) CaseloadFixtures.awaitCase(pcn, referralId).get("id");
        given().auth().oauth2(Tokens.linkWorker(worker, pcn)).contentType(ContentType.JSON)
                .body("{\"at\":\"2999-01-01T10:00:00Z\",\"mode\":\"CARRIER_PIGEON\",\"durationMinutes\":0,\"attended\":true}")
                .post("/cases/" + caseId + "/contacts")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("mode"));
        given().auth().oauth2(Tokens.linkWorker(worker, pcn)).contentType(ContentType.JSON)
                .body("{\"at\":\"2999-01-01T10:00:00Z\",\"mode\":\"PHONE\",\"durationMinutes\":0,\"attended\":true}")
                .post("/cases/" + caseId + "/contacts")
                .then().statusCode(400)
                .body("errors.field", hasItems("at", "durationMinutes"));
    }

    static String contact(OffsetDateTime at, boolean attended) {
        return "{\"at\":\"%s\",\"mode\":\"FACE_TO_FACE\",\"durationMinutes\":45,\"attended\":%s,\"note\":\"Met at the library\"}"
                .formatted(at, attended);
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

    private static List<ConsumerRecord<String, String>> eventsOf(String caseId, int expected) {
        return EventTopics.eventsOf("caseload-events", caseId, expected);
    }
}
