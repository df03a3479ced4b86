package org.linkwork.caseload.suggestions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.directory.DirectoryTerm;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * Suggestions against the directory stubbed at the HTTP level (on the OIDC test server's WireMock,
 * which also serves caseload's client-credentials token), and with the directory down or slow.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class SuggestionsTest {

    static final String SEARCH = "/auth/directory/services";
    static final String WALKING = DirectoryTerm.WALKING.id().toString();
    static final String SOCIAL = DirectoryTerm.SOCIAL_GROUPS.id().toString();
    static final String DANCE = DirectoryTerm.DANCE.id().toString();
    static final String BEFRIENDING = DirectoryTerm.BEFRIENDING.id().toString();
    static final int AGE = Period.between(LocalDate.of(1948, 3, 14), LocalDate.now(ZoneOffset.UTC)).getYears();

    @OidcWireMock
    WireMockServer server;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EntityManager entityManager;

    final List<StubMapping> stubs = new ArrayList<>();

    @BeforeEach
    void reset() {
        breakers.resetAll();
        server.resetRequests();
    }

    @AfterEach
    void removeStubs() {
        stubs.forEach(server::removeStub);
        stubs.clear();
        breakers.resetAll();
    }

    @Test
    void suggestionsAreRankedByReasonsAccessPlacesCostAndDistance() {
        String pcn = "U11393";
        String worker = CaseloadFixtures.uniqueUsername("lw-sug");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        String caseId = openCase(pcn, "Wheelchair user");
        String token = Tokens.linkWorker(worker, pcn);
        // A live prescription: the service is not suggested again.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("serviceId", "svc-prescribed"))
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201);

        stub(get(urlPathEqualTo(SEARCH)).atPriority(10), page());
        stub(get(urlPathEqualTo(SEARCH)).withQueryParam("taxonomy_term_id", equalTo(WALKING)), page(
                service("svc-walk", "Beeston Tuesday Walk", 1240, "0", 6, "Step-free route", null, null)));
        stub(get(urlPathEqualTo(SEARCH)).withQueryParam("taxonomy_term_id", equalTo(SOCIAL)), page(
                service("svc-coffee", "Upstairs Coffee Morning", 300, "0", 5, null, null, null),
                service("svc-lunch", "Holbeck Lunch Club", 800, "0", 3, "Step-free entrance", null, null),
                service("svc-walk", "Beeston Tuesday Walk", 1240, "0", 6, "Step-free route", null, null),
                service("svc-prescribed", "Already Prescribed Club", 400, "0", 4, "Step-free entrance", null, null)));
        stub(get(urlPathEqualTo(SEARCH)).withQueryParam("taxonomy_term_id", equalTo(DANCE)), page(
                service("svc-dance", "Armley Seated Dance", 500, "3.00", 10, "Wheelchair accessible hall", null, null),
                service("svc-youth", "Youth Dance Club", 150, "0", 12, "Step-free entrance", 11, 18)));
        stub(get(urlPathEqualTo(SEARCH)).withQueryParam("taxonomy_term_id", equalTo(BEFRIENDING)), page(
                service("svc-full", "Friendship Circle", 200, "0", 0, "Step-free entrance", null, null)));

        JsonPath body = given().auth().oauth2(token).get("/cases/" + caseId + "/suggestions")
                .then().statusCode(200).contentType(ContentType.JSON).extract().jsonPath();

        // Both reasons first; then by access, cost and distance; the full one last; youth and prescribed left out.
        assertEquals(List.of("svc-walk", "svc-lunch", "svc-dance", "svc-coffee", "svc-full"), body.getList("suggestions.serviceId"));
        assertEquals(List.of(1, 2, 3, 4, 5), body.getList("suggestions.rank"));
        assertEquals(List.of("svc-prescribed", "svc-youth"), body.getList("excluded.serviceId"));
        assertEquals(List.of("LONELINESS", "PHYSICAL_INACTIVITY"), body.getList("suggestions[0].matchedReasons"));
        assertEquals(Set.of("walking", "social-groups"), Set.copyOf(body.getList("suggestions[0].matchedTerms.code")));
        assertEquals("Beeston Tuesday Walk", body.getString("suggestions[0].name"));
        assertEquals("Leeds Community Activities", body.getString("suggestions[0].organisation"));
        assertEquals(1240, body.getInt("suggestions[0].distanceMetres"));
        assertEquals("FREE", body.getString("suggestions[0].cost.category"));
        assertEquals(6, body.getInt("suggestions[0].placesAvailable"));
        assertEquals(true, body.getBoolean("suggestions[0].meetsAccessNeeds"));
        assertEquals("For loneliness and physical inactivity (Social groups and lunch clubs, Walking); 1.2 km away; free; "
                + "has step-free access; 6 places left.", body.getString("suggestions[0].why"));
        assertEquals("PAID", body.getString("suggestions[2].cost.category"));
        assertEquals(false, body.getBoolean("suggestions[3].meetsAccessNeeds"));
        assertEquals(true, body.getBoolean("suggestions[4].full"));
        assertEquals(List.of("STEP_FREE"), body.getList("accessNeeds"));
        assertEquals(AGE, body.getInt("patientAge"));
        assertEquals("LS11 5AB", body.getString("searchedNear"));

        // One search per taxonomy term of LONELINESS and PHYSICAL_INACTIVITY, each with caseload's bearer token.
        List<LoggedRequest> searches = server.findAll(getRequestedFor(urlPathEqualTo(SEARCH)));
        Set<String> terms = ReasonTerms.searchTerms(Set.of("LONELINESS", "PHYSICAL_INACTIVITY")).keySet().stream()
                .map(t -> t.id().toString()).collect(Collectors.toSet());
        assertEquals(6, terms.size());
        assertEquals(terms, searches.stream().map(r -> r.queryParameter("taxonomy_term_id").firstValue()).collect(Collectors.toSet()));
        for (LoggedRequest search : searches) {
            String authorization = search.getHeader("Authorization");
            assertTrue(authorization != null && authorization.matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"), authorization);
            assertEquals("LS11 5AB", search.queryParameter("postcode").firstValue());
            assertEquals("8000", search.queryParameter("proximity").firstValue());
            assertEquals(String.valueOf(AGE), search.queryParameter("minimum_age").firstValue());
            assertEquals(String.valueOf(AGE), search.queryParameter("maximum_age").firstValue());
            assertEquals("50", search.queryParameter("per_page").firstValue());
        }
        assertEquals(1, audits(caseId, "case.suggestions.read", "SUCCESS"));

        // Prescribing a suggested service still works.
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("serviceId", "svc-walk", "serviceName", "Beeston Tuesday Walk"))
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201);
    }

    @Test
    void onlyTheCasesOwnLinkWorkerAndItsCoordinatorGetSuggestions() {
        String pcn = "U11864";
        String worker = CaseloadFixtures.uniqueUsername("lw-sugr");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        String caseId = openCase(pcn, null);
        stub(get(urlPathEqualTo(SEARCH)), page());

        given().auth().oauth2(Tokens.linkWorker(CaseloadFixtures.uniqueUsername("lw-other"), pcn)).get("/cases/" + caseId + "/suggestions")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinator("U31228")).get("/cases/" + caseId + "/suggestions").then().statusCode(404);
        given().auth().oauth2(Tokens.gp()).get("/cases/" + caseId + "/suggestions").then().statusCode(403);
        given().auth().oauth2(Tokens.icsAnalyst()).get("/cases/" + caseId + "/suggestions").then().statusCode(403);
        given().get("/cases/" + caseId + "/suggestions").then().statusCode(401);
        assertEquals(0, server.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size(), "nobody refused reached the directory");
        assertEquals(2, audits(caseId, "case.suggestions.read", "DENIED"));

        given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases/" + caseId + "/suggestions")
                .then().statusCode(200).body("suggestions.size()", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(Tokens.linkWorker(worker, pcn)).get("/cases/" + caseId + "/suggestions").then().statusCode(200);
    }

    @Test
    void aDirectoryThatDropsConnectionsGives503QuicklyOnceTheBreakerOpensAndTheCaseStillWorks() {
        String pcn = "U31269";
        String worker = CaseloadFixtures.uniqueUsername("lw-down");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        String caseId = openCase(pcn, null);
        String token = Tokens.linkWorker(worker, pcn);
        stub(get(urlPathEqualTo(SEARCH)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        // Each request tries twice; after two requests half of the breaker's window has failed and it opens.
        for (int i = 0; i < 2; i++) {
            unavailable(token, caseId, 3000);
        }
        int reached = server.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size();
        assertEquals(4, reached);
        long open = unavailable(token, caseId, 500);
        assertEquals(reached, server.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size(), "an open breaker calls nobody");
        assertTrue(open < 500, "answered in " + open + " ms");

        caseStillWorks(token, caseId);
    }

    @Test
    void aSlowDirectoryTimesOutAnd503sThenTheOpenBreakerAnswersAtOnce() {
        String pcn = "U76315";
        String worker = CaseloadFixtures.uniqueUsername("lw-slow");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        String caseId = openCase(pcn, null);
        String token = Tokens.linkWorker(worker, pcn);
        stub(get(urlPathEqualTo(SEARCH)), page().withFixedDelay(6000));

        // Two attempts of 2 s (the @Timeout), 200-300 ms apart: well before the 6 s the directory would take.
        long slow = unavailable(token, caseId, 5500);
        assertTrue(slow >= 3900, "gave up after " + slow + " ms, before two timeouts");
        unavailable(token, caseId, 5500);
        long open = unavailable(token, caseId, 500);
        assertTrue(open < 500, "answered in " + open + " ms");

        caseStillWorks(token, caseId);
    }

    @Test
    void aDirectoryRefusalIs502NotRetriedAndDoesNotOpenTheBreaker() {
        String pcn = "U78449";
        String worker = CaseloadFixtures.uniqueUsername("lw-4xx");
        CaseloadFixtures.addWorker(pcn, worker, 5);
        String caseId = openCase(pcn, null);
        stub(get(urlPathEqualTo(SEARCH)), aResponse().withStatus(422).withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Request cannot be processed\",\"status\":422,\"detail\":\"postcode: its postcode district is not known\"}"));
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(Tokens.linkWorker(worker, pcn)).get("/cases/" + caseId + "/suggestions")
                    .then().statusCode(502).contentType("application/problem+json");
        }
        // One search per request (the first term fails the request), none retried, and the breaker stayed closed.
        assertEquals(5, server.findAll(getRequestedFor(urlPathEqualTo(SEARCH))).size());
    }

    @Test
    void theOpenApiDocumentDescribesSuggestionsAndThe503() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/cases/{id}/suggestions'.get.responses.'200'.content.'application/json'.examples", org.hamcrest.Matchers.notNullValue())
                .body("paths.'/cases/{id}/suggestions'.get.responses.'503'.headers.'Retry-After'", org.hamcrest.Matchers.notNullValue());
    }

    /** GET suggestions answers 503 problem+json with Retry-After within {@code withinMillis}; returns how long it took. */
    private static long unavailable(String token, String caseId, long withinMillis) {
        long started = System.nanoTime();
        given().auth().oauth2(token).get("/cases/" + caseId + "/suggestions")
                .then().statusCode(503).contentType("application/problem+json")
                .header("Retry-After", "30")
                .body("status", org.hamcrest.Matchers.equalTo(503))
                .body("instance", org.hamcrest.Matchers.equalTo("/cases/" + caseId + "/suggestions"))
                .time(lessThan(withinMillis));
        return (System.nanoTime() - started) / 1_000_000;
    }

    /** Reading the case, its contacts and prescriptions, recording a contact and prescribing do not need the directory. */
    private static void caseStillWorks(String token, String caseId) {
        given().auth().oauth2(token).get("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5).toString(), "mode", "PHONE",
                        "durationMinutes", 20, "attended", true, "note", "Directory down; talked anyway"))
                .post("/cases/" + caseId + "/contacts").then().statusCode(201);
        given().auth().oauth2(token).get("/cases/" + caseId + "/contacts").then().statusCode(200);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("serviceId", "svc-known"))
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201);
        given().auth().oauth2(token).get("/cases/" + caseId + "/prescriptions").then().statusCode(200);
        given().auth().oauth2(token).get("/link-workers/me/caseload").then().statusCode(200);
    }

    private void stub(MappingBuilder request, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        stubs.add(server.stubFor(request.willReturn(response)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder page(String... services) {
        String body = """
                {"total_items":%d,"total_pages":1,"page_number":1,"size":%d,"first_page":true,"last_page":true,
                 "empty":%s,"contents":[%s]}""".formatted(services.length, services.length, services.length == 0,
                String.join(",", services));
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }

    /** An ORUK service as the directory's search returns it (nested, snake_case, with Linkwork's capacity and distance). */
    private static String service(String id, String name, long distance, String amount, int placesAvailable,
            String accessibility, Integer minimumAge, Integer maximumAge) {
        return """
                {"id":"%s","organization_id":"org-1","name":"%s","description":"A community activity.","status":"active",
                 %s %s "organization":{"id":"org-1","name":"Leeds Community Activities","version":0},
                 "schedules":[{"id":"s1","freq":"WEEKLY","byday":"TU","opens_at":"10:00","closes_at":"11:00"}],
                 "service_at_locations":[{"id":"sal-1","service_id":"%s","location_id":"loc-1","location":{"id":"loc-1",
                   "name":"Venue","latitude":53.78,"longitude":-1.56,"addresses":[],"accessibility":[%s],"version":0}}],
                 "attributes":[],"contacts":[],
                 "cost_options":[{"id":"c1","service_id":"%s","option":"Per session","currency":"GBP","amount":%s}],
                 "languages":[],"capacity":{"places_per_session":12,"places_taken":%d,"places_available":%d},
                 "referral":{"self_referral":true,"link_worker_referral":true},"distance":%d,"version":0}"""
                .formatted(id, name, minimumAge == null ? "" : "\"minimum_age\":" + minimumAge + ",",
                        maximumAge == null ? "" : "\"maximum_age\":" + maximumAge + ",", id,
                        accessibility == null ? "" : "{\"id\":\"a1\",\"location_id\":\"loc-1\",\"description\":\"" + accessibility + "\"}",
                        id, amount, 12 - placesAvailable, placesAvailable, distance);
    }

    /** A case for a 78-year-old referred for loneliness and physical inactivity, assigned to the PCN's only worker. */
    private String openCase(String pcn, String accessibilityNeeds) {
        UUID referralId = UUID.randomUUID();
        String ods = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT ods_code FROM practice WHERE pcn_code = ?1 ORDER BY ods_code LIMIT 1")
                .setParameter(1, pcn).getSingleResult());
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, ods, "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null,
                List.of("LONELINESS", "PHYSICAL_INACTIVITY"), accessibilityNeeds));
        return (String) CaseloadFixtures.awaitCase(pcn, referralId).get("id");
    }

    private long audits(String caseId, String action, String outcome) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE resource_id = ?1 AND action = ?2 AND outcome = ?3")
                .setParameter(1, caseId).setParameter(2, action).setParameter(3, outcome)
                .getSingleResult()).longValue());
    }
}
