package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;

import com.fasterxml.jackson.databind.JsonNode;

/** An auditor asks the suite, through the gateway, who touched the walked patient's data and what one user touched. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailEndToEndTest {

    private GatewayClient gateway;
    private PatientJourney.Walked walked;
    private String auditor;

    @BeforeAll
    void theWalkedJourney() {
        RunningSuite running = RunningSuite.get();
        gateway = running.gateway;
        walked = running.walked;
        auditor = gateway.userToken("auditor-max");
    }

    @Test
    void anAuditorSeesThePatientsReadsAndWritesInReferralCaseloadAndOutcomes() {
        JsonNode trail = trailOnceItHas("/audit?nhsNumber=" + walked.nhsNumber() + "&size=200",
                items -> services(items).containsAll(Set.of("referral-service", "caseload-service", "outcomes-service"))
                        && actions(items, "outcomes-service").contains("assessment.record"));
        List<JsonNode> items = list(trail.get("items"));

        assertTrue(items.stream().allMatch(i -> walked.nhsNumber().equals(i.path("nhsNumber").asText())), trail.toString());
        assertTrue(items.stream().anyMatch(i -> "referral-service".equals(i.get("service").asText())
                && "referral.read".equals(i.get("action").asText()) && "dr-patel".equals(i.get("actor").asText())
                && walked.referralId().toString().equals(i.get("resourceId").asText())), "the GP's reads of the referral");
        assertTrue(items.stream().anyMatch(i -> "caseload-service".equals(i.get("service").asText())
                && walked.linkWorker().equals(i.get("actor").asText())
                && walked.caseId().toString().equals(i.get("resourceId").asText())), "the link worker's work on the case");
        // outcomes-service records name only the case; the trail found the patient through the referral.
        assertTrue(items.stream().anyMatch(i -> "outcomes-service".equals(i.get("service").asText())
                && walked.linkWorker().equals(i.get("actor").asText())
                && walked.caseId().toString().equals(i.get("resourceId").asText())), "the link worker's assessments");
        List<String> when = items.stream().map(i -> i.get("occurredAt").asText()).toList();
        assertEquals(when.stream().sorted((a, b) -> OffsetDateTime.parse(b).compareTo(OffsetDateTime.parse(a))).toList(), when,
                "newest first");
    }

    @Test
    void theDatesNarrowTheAnswer() {
        trailOnceItHas("/audit?nhsNumber=" + walked.nhsNumber(), items -> !items.isEmpty());
        String today = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).minusDays(1).toString();
        String tomorrow = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).plusDays(1).toString();

        JsonNode around = gateway.get("/audit?nhsNumber=" + walked.nhsNumber() + "&from=" + today + "&to=" + tomorrow, auditor)
                .expect(200, "GET /audit around the journey").json();
        JsonNode before = gateway.get("/audit?nhsNumber=" + walked.nhsNumber() + "&from=2020-01-01T00:00:00Z&to=2021-01-01T00:00:00Z",
                auditor).expect(200, "GET /audit in 2020").json();

        assertTrue(around.get("total").asLong() > 0, around.toString());
        assertEquals(0, before.get("total").asLong(), before.toString());
    }

    @Test
    void anAuditorSeesWhatTheLinkWorkerTouchedInEveryService() {
        JsonNode trail = trailOnceItHas("/audit?actor=" + walked.linkWorker() + "&size=200",
                items -> services(items).containsAll(Set.of("caseload-service", "outcomes-service")));
        List<JsonNode> items = list(trail.get("items"));

        assertTrue(items.stream().allMatch(i -> walked.linkWorker().equals(i.get("actor").asText())), trail.toString());
        assertTrue(items.stream().allMatch(i -> roles(i).contains("link-worker")), trail.toString());
        assertTrue(items.stream().anyMatch(i -> walked.nhsNumber().equals(i.path("nhsNumber").asText())
                && "outcomes-service".equals(i.get("service").asText())), "outcomes records carry the resolved NHS number");
    }

    @Test
    void anAuditorsOwnSearchesAreInTheTrail() {
        gateway.get("/audit?nhsNumber=" + walked.nhsNumber(), auditor).expect(200, "GET /audit");

        JsonNode trail = trailOnceItHas("/audit?actor=auditor-max",
                items -> actions(items, "referral-service").contains("audit.search"));

        assertTrue(list(trail.get("items")).stream().anyMatch(i -> "audit.search".equals(i.get("action").asText())
                && walked.nhsNumber().equals(i.path("nhsNumber").asText())), trail.toString());
    }

    @Test
    void nobodyButAnAuditorGetsAnAnswer() {
        String path = "/audit?nhsNumber=" + walked.nhsNumber();
        assertEquals(401, gateway.get(path, null).status());
        for (String user : List.of("dr-patel", "coord-sam", walked.linkWorker(), "analyst-ria")) {
            Reply reply = gateway.get(path, gateway.userToken(user));
            assertEquals(403, reply.status(), user + ": " + reply.body());
            assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        }
        assertEquals(403, gateway.get(path, gateway.clientToken("gp-system")).status());
        Reply invalid = gateway.get("/audit?nhsNumber=1234567890", auditor);
        assertEquals(400, invalid.status(), invalid.body());
        assertEquals("nhsNumber", invalid.json().at("/errors/0/field").asText());
    }

    @Test
    void theAuditEventsContractIsPublishedWithoutAToken() {
        Reply document = gateway.get("/asyncapi/audit-events.yaml", null);
        assertEquals(200, document.status());
        assertTrue(document.body().contains("org.linkwork.audit.recorded.v1"), document.body());
        Reply schema = gateway.get("/asyncapi/schemas/org.linkwork.audit.recorded.v1.json", null);
        assertEquals(200, schema.status());
        assertEquals("org.linkwork.audit.recorded.v1", schema.json().get("title").asText());
    }

    /** Audit records travel through Kafka: ask until the answer has what the journey left, or fail after 90 s. */
    private JsonNode trailOnceItHas(String path, Predicate<List<JsonNode>> complete) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        JsonNode last = null;
        while (Instant.now().isBefore(deadline)) {
            last = gateway.get(path, auditor).expect(200, "GET " + path).json();
            if (complete.test(list(last.get("items")))) {
                return last;
            }
            Pause.of(Duration.ofMillis(500));
        }
        return fail("the trail at " + path + " never became complete; last answer: " + last);
    }

    private static Set<String> services(List<JsonNode> items) {
        return Set.copyOf(items.stream().map(i -> i.get("service").asText()).toList());
    }

    private static List<String> actions(List<JsonNode> items, String service) {
        return items.stream().filter(i -> service.equals(i.get("service").asText())).map(i -> i.get("action").asText()).toList();
    }

    private static List<String> roles(JsonNode item) {
        List<String> roles = new ArrayList<>();
        item.get("roles").forEach(r -> roles.add(r.asText()));
        return roles;
    }

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
