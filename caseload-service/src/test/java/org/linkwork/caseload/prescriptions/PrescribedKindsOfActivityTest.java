package org.linkwork.caseload.prescriptions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.CapturedLog;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
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
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A suggested activity keeps its kinds of activity (the directory's social prescribing taxonomy term codes) and
 * publishes them with {@code activity-prescribed.v2}; a directory that does not know the service or fails does not
 * stop the suggestion. The directory is stubbed on the OIDC test server's WireMock, as in {@code SuggestionsTest}.
 * The PCN is shared with other tests that take whichever link worker a case went to, as these do.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class PrescribedKindsOfActivityTest {

    static final String PCN = "U31228";
    static final String SERVICES = "/auth/directory/services/";
    static final String LINKWORK_TAXONOMY = "8106ae87-ef08-5db8-863c-b7a12789d026";
    static final ObjectMapper JSON = new ObjectMapper();

    @OidcWireMock
    WireMockServer server;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    EntityManager entityManager;

    final List<StubMapping> stubs = new ArrayList<>();
    CapturedLog serviceLog;

    @BeforeEach
    void reset() {
        breakers.resetAll();
        server.resetRequests();
        serviceLog = CapturedLog.of(PrescriptionService.class);
    }

    @AfterEach
    void removeStubs() {
        serviceLog.close();
        stubs.forEach(server::removeStub);
        stubs.clear();
        breakers.resetAll();
    }

    @Test
    void aSuggestedServiceKeepsItsKindsOfActivityAndAcceptingItPublishesThemInV2RightAfterV1() throws Exception {
        String serviceId = UUID.randomUUID().toString();
        // Directory order kept, a repeated term once, a term of another directory's taxonomy left out.
        stub(get(urlPathEqualTo(SERVICES + serviceId)), service(serviceId, "Armley Walk and Talk",
                term("160729ad-cb62-5c27-bba8-9dfc3849f792", "walking", "Walking", LINKWORK_TAXONOMY),
                term("0b5a4c1e-1d7e-4a8b-9a43-5f2f1e0c7d11", "Sport & Fitness", "Sport and fitness",
                        "3a6e2b1c-7f0d-4e59-8a1b-2c3d4e5f6a7b"),
                term("f03b917c-7a9e-517e-8693-dddb149085ee", "peer-support", "Peer support", LINKWORK_TAXONOMY),
                term("160729ad-cb62-5c27-bba8-9dfc3849f792", "walking", "Walking", LINKWORK_TAXONOMY)));
        Map<String, Object> opened = openCase();
        String caseId = (String) opened.get("id");
        String token = token(opened);

        String prescriptionId = given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("serviceId", serviceId, "serviceName", "Armley Walk and Talk"))
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201)
                .extract().path("id");

        List<LoggedRequest> reads = server.findAll(getRequestedFor(urlPathEqualTo(SERVICES + serviceId)));
        assertEquals(1, reads.size());
        String authorization = reads.get(0).getHeader("Authorization");
        assertTrue(authorization != null && authorization.matches("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"), authorization);
        // Read back from the database through the API, and as PostgreSQL stores it.
        assertEquals(List.of("walking", "peer-support"), given().auth().oauth2(token).get("/cases/" + caseId + "/prescriptions")
                .then().statusCode(200).extract().jsonPath().getList("find { it.id == '%s' }.taxonomyTerms".formatted(prescriptionId)));
        assertEquals("{walking,peer-support}", QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT taxonomy_terms::text FROM social_prescription WHERE id = ?1")
                .setParameter(1, UUID.fromString(prescriptionId)).getSingleResult()));
        assertEquals(List.of(), serviceLog.messages(Level.WARNING));

        move(token, caseId, prescriptionId, "ACCEPTED");

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf("caseload-events", caseId, 3);
        assertEquals(List.of("org.linkwork.case.assigned.v1", "org.linkwork.case.activity-prescribed.v1",
                "org.linkwork.case.activity-prescribed.v2"), events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
        EventSchemas.assertValid("org.linkwork.case.activity-prescribed.v1", events.get(1).value());
        EventSchemas.assertValid("org.linkwork.case.activity-prescribed.v2", events.get(2).value());
        JsonNode v1 = JSON.readTree(events.get(1).value());
        JsonNode v2 = JSON.readTree(events.get(2).value());
        assertEquals(caseId, events.get(2).key());
        assertEquals(List.of("walking", "peer-support"), JSON.convertValue(v2.get("taxonomyTerms"), List.class));
        for (String field : List.of("caseId", "referralId", "prescriptionId", "serviceId", "status", "at")) {
            assertEquals(v1.get(field), v2.get(field), field);
        }
        assertEquals(prescriptionId, v2.get("prescriptionId").asText());
    }

    @Test
    void aServiceTheDirectoryDoesNotKnowIsStillSuggestedWithNoKindsOfActivity() throws Exception {
        String serviceId = UUID.randomUUID().toString();
        stub(get(urlPathEqualTo(SERVICES + serviceId)), aResponse().withStatus(404)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"title\":\"Not Found\",\"status\":404,\"detail\":\"No service " + serviceId + "\"}"));
        Map<String, Object> opened = openCase();
        String caseId = (String) opened.get("id");
        String token = token(opened);

        String prescriptionId = suggestedWithNoTerms(token, caseId, serviceId);

        assertEquals(1, server.findAll(getRequestedFor(urlPathEqualTo(SERVICES + serviceId))).size(), "a 404 is not retried");
        List<String> warnings = serviceLog.messages(Level.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains(serviceId) && warnings.get(0).contains("does not know it"),
                warnings.get(0));
        move(token, caseId, prescriptionId, "ACCEPTED");
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf("caseload-events", caseId, 3);
        assertEquals("org.linkwork.case.activity-prescribed.v2", EventTopics.header(events.get(2), "ce_type"));
        EventSchemas.assertValid("org.linkwork.case.activity-prescribed.v2", events.get(2).value());
        assertTrue(JSON.readTree(events.get(2).value()).get("taxonomyTerms").isEmpty(), events.get(2).value());
    }

    @Test
    void aFailingDirectoryDoesNotStopSuggestionsAndOnceItsBreakerOpensIsNotAskedAtAll() {
        stub(get(urlPathMatching(SERVICES + "[^/]+")), aResponse().withStatus(503));
        Map<String, Object> opened = openCase();
        String caseId = (String) opened.get("id");
        String token = token(opened);

        // Each suggestion tries twice; after two, every call of the breaker's window has failed and it opens.
        suggestedWithNoTerms(token, caseId, UUID.randomUUID().toString());
        suggestedWithNoTerms(token, caseId, UUID.randomUUID().toString());
        assertEquals(4, server.findAll(getRequestedFor(urlPathMatching(SERVICES + "[^/]+"))).size());
        suggestedWithNoTerms(token, caseId, UUID.randomUUID().toString());
        assertEquals(4, server.findAll(getRequestedFor(urlPathMatching(SERVICES + "[^/]+"))).size(),
                "an open breaker calls nobody");

        List<String> warnings = serviceLog.messages(Level.WARNING);
        assertEquals(3, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("the directory is not available"), warnings.get(0));
        assertTrue(warnings.get(2).contains("CircuitBreakerOpenException"), warnings.get(2));
    }

    @Test
    void aDirectoryThatDropsTheConnectionDoesNotStopASuggestion() {
        String serviceId = UUID.randomUUID().toString();
        stub(get(urlPathEqualTo(SERVICES + serviceId)), aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        Map<String, Object> opened = openCase();

        suggestedWithNoTerms(token(opened), (String) opened.get("id"), serviceId);

        assertEquals(2, server.findAll(getRequestedFor(urlPathEqualTo(SERVICES + serviceId))).size(), "tried twice");
        List<String> warnings = serviceLog.messages(Level.WARNING);
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("the directory is not available"), warnings.get(0));
    }

    /** POSTs the suggestion, expects it created with {@code taxonomyTerms: []}; returns its id. */
    private static String suggestedWithNoTerms(String token, String caseId, String serviceId) {
        String id = given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("serviceId", serviceId))
                .post("/cases/" + caseId + "/prescriptions").then().statusCode(201)
                .body("status", equalTo("SUGGESTED"))
                .body("taxonomyTerms", empty())
                .extract().path("id");
        given().auth().oauth2(token).get("/cases/" + caseId + "/prescriptions").then().statusCode(200)
                .body("find { it.id == '%s' }.taxonomyTerms".formatted(id), empty());
        return id;
    }

    private static void move(String token, String caseId, String prescriptionId, String status) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{\"status\":\"" + status + "\"}")
                .post("/cases/" + caseId + "/prescriptions/" + prescriptionId + "/status").then().statusCode(200);
    }

    private void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
        stubs.add(server.stubFor(request.willReturn(response)));
    }

    /** The directory's {@code GET /directory/services/{id}}: one service, fully nested, snake_case. */
    private static ResponseDefinitionBuilder service(String id, String name, String... attributes) {
        return aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id":"%s","organization_id":"org-1","name":"%s","description":"A community activity.","status":"active",
                 "organization":{"id":"org-1","name":"Leeds Community Activities","version":0},
                 "schedules":[],"service_at_locations":[],"attributes":[%s],"contacts":[],"cost_options":[],"languages":[],
                 "referral":{"self_referral":true,"link_worker_referral":true},"version":3}"""
                .formatted(id, name, String.join(",", attributes)));
    }

    private static String term(String termId, String code, String name, String taxonomyId) {
        return """
                {"id":"%s","link_id":"svc","link_type":"service","link_entity":"service","taxonomy_term_id":"%s",
                 "taxonomy_term":{"id":"%s","code":"%s","name":"%s","description":"A kind of activity.",
                  "taxonomy":"Some taxonomy","taxonomy_id":"%s",
                  "taxonomy_detail":{"id":"%s","name":"Some taxonomy","description":"Kinds of activity.","version":"1"}}}"""
                .formatted(UUID.randomUUID(), termId, termId, code, name, taxonomyId, taxonomyId);
    }

    /** A case in the shared PCN, with a link worker of its own there so that it is assigned. */
    private Map<String, Object> openCase() {
        CaseloadFixtures.addWorker(PCN, CaseloadFixtures.uniqueUsername("lw-kind"), 5);
        UUID referralId = UUID.randomUUID();
        String ods = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT ods_code FROM practice WHERE pcn_code = ?1 ORDER BY ods_code LIMIT 1")
                .setParameter(1, PCN).getSingleResult());
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, ods, "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        return CaseloadFixtures.awaitCase(PCN, referralId);
    }

    private static String token(Map<String, Object> opened) {
        return Tokens.linkWorker((String) ((Map<?, ?>) opened.get("linkWorker")).get("username"), PCN);
    }
}
