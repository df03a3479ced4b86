package org.linkwork.referral.audit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.audit.AuditRecorded;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.referral.testing.CaseloadEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class SuiteAuditTrailTest {

    static final String PRACTICE = "B86003";

    @Test
    void anAuditorSeesWhoTouchedAPatientInEveryServiceWithOutcomesResolvedThroughTheCase() throws Exception {
        String nhs = Referrals.newNhsNumber();
        String referralId = refer(nhs);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + referralId).then().statusCode(200);
        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(referralId), caseId, "lw-amira"));
        EventTopics.publish(AuditRecorded.TOPIC,
                recorded("/caseload-service", "lw-amira", "case.read", "Case", caseId, nhs, "2026-11-20T10:00:00Z"),
                // outcomes-service keeps no NHS numbers: its record names the case only.
                recorded("/outcomes-service", "lw-amira", "assessment.record", "Case", caseId, null, "2026-11-20T10:05:00Z"));

        JsonPath trail = await().atMost(Duration.ofSeconds(30)).until(() -> search(Map.of("nhsNumber", nhs)),
                t -> t.getList("items.service").containsAll(List.of("referral-service", "caseload-service", "outcomes-service"))
                        && t.getList("items.action").contains("referral.read"));

        List<Map<String, Object>> items = trail.getList("items");
        assertTrue(items.stream().allMatch(i -> nhs.equals(i.get("nhsNumber"))), items.toString());
        Map<String, Object> outcomes = items.stream().filter(i -> "outcomes-service".equals(i.get("service"))).findFirst().orElseThrow();
        assertEquals("assessment.record", outcomes.get("action"));
        assertEquals(caseId, outcomes.get("resourceId"));
        assertEquals(List.of("link-worker"), outcomes.get("roles"));
        assertEquals("SUCCESS", outcomes.get("outcome"));
        Map<String, Object> read = items.stream().filter(i -> "referral.read".equals(i.get("action"))).findFirst().orElseThrow();
        assertEquals("dr-patel", read.get("actor"));
        assertEquals("Referral", read.get("resourceType"));
        assertEquals(referralId, read.get("resourceId"));
        List<String> times = trail.getList("items.occurredAt");
        assertEquals(times.stream().sorted((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a))).toList(), times,
                "newest first");

        // What referral-service itself put on audit-events matches the published schema.
        List<ConsumerRecord<String, String>> own = EventTopics.eventsOf(AuditRecorded.TOPIC, nhs, 3).stream()
                .filter(r -> "/referral-service".equals(EventTopics.header(r, "ce_source"))).toList();
        assertTrue(own.size() >= 2, "referral.create and referral.read at least: " + own.size());
        for (ConsumerRecord<String, String> record : own) {
            assertEquals(AuditRecorded.TYPE, EventTopics.header(record, "ce_type"));
            EventSchemas.assertValid(AuditRecorded.TYPE, record.value());
        }
    }

    @Test
    void anAuditorSeesWhatOneUserTouchedAndNothingOfOthers() {
        String worker = "lw-" + UUID.randomUUID();
        String patient = Referrals.newNhsNumber();
        EventTopics.publish(AuditRecorded.TOPIC,
                recorded("/caseload-service", worker, "case.read", "Case", UUID.randomUUID().toString(), patient, "2026-11-21T09:00:00Z"),
                recorded("/outcomes-service", worker, "assessment.case.read", "Case", UUID.randomUUID().toString(), null, "2026-11-21T09:01:00Z"),
                recorded("/caseload-service", worker + "-other", "case.read", "Case", UUID.randomUUID().toString(), patient, "2026-11-21T09:02:00Z"));

        JsonPath trail = await().atMost(Duration.ofSeconds(30)).until(() -> search(Map.of("actor", worker)),
                t -> t.getInt("total") == 2);

        assertEquals(Set.of(worker), Set.copyOf(trail.getList("items.actor")));
        assertEquals(List.of("assessment.case.read", "case.read"), trail.getList("items.action"));
    }

    @Test
    void fromIsInclusiveAndToExclusive() {
        String worker = "lw-" + UUID.randomUUID();
        EventTopics.publish(AuditRecorded.TOPIC,
                recorded("/caseload-service", worker, "case.list", "Case", "c-1", null, "2026-10-31T23:59:59Z"),
                recorded("/caseload-service", worker, "case.read", "Case", "c-2", null, "2026-11-01T00:00:00Z"),
                recorded("/caseload-service", worker, "case.close", "Case", "c-3", null, "2026-11-30T12:00:00Z"),
                recorded("/caseload-service", worker, "case.plan.read", "Case", "c-4", null, "2026-12-01T00:00:00Z"));
        await().atMost(Duration.ofSeconds(30)).until(() -> search(Map.of("actor", worker)).getInt("total") == 4);

        JsonPath november = search(Map.of("actor", worker, "from", "2026-11-01T00:00:00Z", "to", "2026-12-01T00:00:00Z"));

        assertEquals(List.of("case.close", "case.read"), november.getList("items.action"));
        assertEquals(2, november.getInt("total"));
        assertEquals(List.of("case.plan.read"), search(Map.of("actor", worker, "from", "2026-12-01T00:00:00Z")).getList("items.action"));
    }

    @Test
    void aRedeliveredAuditEventIsStoredOnce() {
        String worker = "lw-" + UUID.randomUUID();
        CloudEvent event = recorded("/caseload-service", worker, "case.read", "Case", "c-1", null, "2026-11-22T09:00:00Z");
        EventTopics.publish(AuditRecorded.TOPIC, event, event);
        // Same key, same partition: once the later event is in, the redelivery has been handled.
        EventTopics.publish(AuditRecorded.TOPIC,
                recorded("/caseload-service", worker, "case.contacts.read", "Case", "c-1", null, "2026-11-22T09:01:00Z"));

        JsonPath trail = await().atMost(Duration.ofSeconds(30)).until(() -> search(Map.of("actor", worker)),
                t -> t.getList("items.action").contains("case.contacts.read"));

        assertEquals(2, trail.getInt("total"), trail.prettify());
    }

    @Test
    void everySearchIsItselfInTheTrail() {
        String nhs = Referrals.newNhsNumber();
        search(Map.of("nhsNumber", nhs));

        JsonPath trail = await().atMost(Duration.ofSeconds(30)).until(() -> search(Map.of("nhsNumber", nhs)),
                t -> t.getList("items.action").contains("audit.search"));

        List<Map<String, Object>> items = trail.getList("items");
        Map<String, Object> search = items.get(items.size() - 1);
        assertEquals("audit.search", search.get("action"));
        assertEquals("auditor", search.get("actor"));
        assertEquals("referral-service", search.get("service"));
        assertEquals("AuditTrail", search.get("resourceType"));
    }

    @Test
    void onlyAnAuditorMayAsk() {
        String nhs = Referrals.newNhsNumber();
        given().queryParam("nhsNumber", nhs).get("/audit").then().statusCode(401);
        for (String token : List.of(Tokens.gp("dr-patel", PRACTICE), Tokens.coordinator("coord-sam", "U31228"),
                Tokens.linkWorker("lw-amira"), Tokens.icsAnalyst(), Tokens.nhsService(), Tokens.noRole())) {
            given().auth().oauth2(token).queryParam("nhsNumber", nhs).get("/audit").then().statusCode(403);
        }
    }

    @Test
    void badParametersAre400ProblemsNamingTheField() {
        assertRefused(Map.of(), "nhsNumber");
        assertRefused(Map.of(), "actor");
        assertRefused(Map.of("nhsNumber", "1234567890"), "nhsNumber");
        assertRefused(Map.of("actor", ""), "actor");
        assertRefused(Map.of("actor", "lw-\u0000amira"), "actor");
        assertRefused(Map.of("actor", "x".repeat(201)), "actor");
        assertRefused(Map.of("actor", "lw-amira", "from", "yesterday"), "from");
        assertRefused(Map.of("actor", "lw-amira", "from", "2026-12-01T00:00:00Z", "to", "2026-11-01T00:00:00Z"), "to");
        assertRefused(Map.of("actor", "lw-amira", "size", "201"), "size");
        assertRefused(Map.of("actor", "lw-amira", "page", "-1"), "page");
        // page × size beyond any row (and beyond an int) is an empty page, not an error.
        assertEquals(List.of(), search(Map.of("actor", "lw-amira", "page", "2147483647", "size", "200")).getList("items"));
    }

    private static void assertRefused(Map<String, String> params, String field) {
        given().auth().oauth2(Tokens.auditor()).queryParams(params).get("/audit").then()
                .statusCode(400)
                .contentType(startsWith("application/problem+json"))
                .body("errors.field", hasItem(field));
    }

    private static JsonPath search(Map<String, String> params) {
        return given().auth().oauth2(Tokens.auditor()).queryParams(params).get("/audit")
                .then().statusCode(200).body("size", equalTo(params.containsKey("size") ? Integer.parseInt(params.get("size")) : 50))
                .extract().jsonPath();
    }

    private static String refer(String nhs) {
        return given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(nhs, PRACTICE)).post("/referrals").then().statusCode(201).extract().path("id");
    }

    /** An audit event as another service of the suite publishes it. */
    private static CloudEvent recorded(String source, String actor, String action, String resourceType, String resourceId,
            String nhsNumber, String occurredAt) {
        String data = """
                {"recordId":%d,"occurredAt":"%s","actor":"%s","roles":["link-worker"],"action":"%s","resourceType":"%s",\
                "resourceId":"%s","nhsNumber":%s,"outcome":"SUCCESS"}""".formatted(ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                occurredAt, actor, action, resourceType, resourceId, nhsNumber == null ? "null" : "\"" + nhsNumber + "\"");
        return new CloudEvent(UUID.randomUUID().toString(), source, AuditRecorded.TYPE, nhsNumber != null ? nhsNumber : actor,
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }
}
