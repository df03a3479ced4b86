package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;
import org.linkwork.local.Deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** One patient's journey and the security of the gateway, on the suite every end-to-end class shares. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SuiteEndToEndTest {

    private Deployment suite;
    private GatewayClient gateway;
    private PatientJourney.Walked walked;

    @BeforeAll
    void startTheSuiteAndWalkOnePatient() {
        RunningSuite running = RunningSuite.get();
        suite = running.suite;
        gateway = running.gateway;
        walked = running.walked;
    }

    @Test
    void aJsonReferralIsAcceptedAssignedWorkedAndSeenCompletedByTheGp() {
        assertEquals("COMPLETED", walked.referralSeenByGp().get("status").asText());
        assertTrue(walked.linkWorker().startsWith("lw-"), walked.linkWorker());
        JsonNode assessments = walked.outcomes().get("assessments");
        assertEquals(2, assessments.size(), walked.outcomes().toString());
        assertTrue(walked.suggestions().get("suggestions").size() > 0, walked.suggestions().toString());
    }

    @Test
    void prescribingAnActivityTakesOneOfItsPlacesInTheDirectory() {
        assertEquals(walked.placesBefore() - 1, walked.placesAfter());
    }

    @Test
    void aPrescriptionKeepsTheDirectorysKindsOfActivityAndTheIcsReportCountsThem() {
        JsonNode service = gateway.get("/directory/services/" + walked.serviceId(), null).expect(200, "GET service").json();
        List<String> kinds = new ArrayList<>();
        service.get("attributes").forEach(a -> kinds.add(a.get("taxonomy_term").get("code").asText()));
        List<String> kept = new ArrayList<>();
        walked.prescription().get("taxonomyTerms").forEach(t -> kept.add(t.asText()));
        assertFalse(kinds.isEmpty(), service.toString());
        assertEquals(kinds, kept);
        // The report's columns are the kinds prescribed in the period: this one's appear once outcomes has read v2.
        String analyst = gateway.userToken("analyst-ria");
        JsonNode report = poll(Duration.ofSeconds(60), () -> {
            JsonNode r = gateway.get("/reports/prescriptions", analyst).expect(200, "prescriptions report").json();
            List<String> terms = new ArrayList<>();
            r.get("terms").forEach(t -> terms.add(t.asText()));
            return terms.containsAll(kinds) ? r : null;
        });
        assertNotNull(report, "GET /reports/prescriptions never listed " + kinds);
        assertTrue(report.get("total").get("activitiesPrescribed").has(kinds.get(0)), report.toString());
    }

    @Test
    void aFhirServiceRequestIsAcceptedAndAssignedToo() throws IOException {
        String nhsNumber = PatientJourney.testNhsNumber();
        String body = Files.readString(RunningSuite.repository()
                .resolve("referral-service/src/main/resources/META-INF/resources/fhir-examples/service-request.json"))
                .replace("9434765919", nhsNumber).replace("EMIS-000123", "EMIS-" + UUID.randomUUID());
        Reply created = gateway.post("/fhir/ServiceRequest", gateway.clientToken("gp-system"), body);
        assertEquals(201, created.status(), created.body());
        String referralId = created.json().get("id").asText();

        String coordinator = gateway.userToken("coord-sam");
        JsonNode assigned = poll(Duration.ofSeconds(90), () -> {
            for (JsonNode c : gateway.get("/cases", coordinator).json()) {
                if (referralId.equals(c.path("referralId").asText()) && c.hasNonNull("linkWorker")) {
                    return c;
                }
            }
            return null;
        });
        assertNotNull(assigned, "the FHIR referral became an assigned case");
        assertEquals(nhsNumber, assigned.get("patient").get("nhsNumber").asText());
    }

    @Test
    void aGpSystemReadsTheCapabilityStatementWithoutATokenThenFindsItsReferralAndTaskByNhsNumber() {
        String fhir = "application/fhir+json";
        Reply metadata = gateway.get("/fhir/metadata", null, fhir);
        assertEquals(200, metadata.status(), metadata.body());
        assertEquals("CapabilityStatement", metadata.json().get("resourceType").asText());
        assertEquals(401, gateway.get("/fhir/ServiceRequest", null, fhir).status(), "searches still need a token");

        String gpSystem = gateway.clientToken("gp-system");
        String byNhsNumber = "patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + walked.nhsNumber();
        Reply found = gateway.get("/fhir/ServiceRequest?" + byNhsNumber + "&_include=ServiceRequest:patient", gpSystem, fhir);
        assertEquals(200, found.status(), found.body());
        assertEquals("searchset", found.json().get("type").asText());
        List<String> kinds = new ArrayList<>();
        found.json().get("entry").forEach(e -> kinds.add(e.get("resource").get("resourceType").asText()));
        assertTrue(kinds.contains("ServiceRequest") && kinds.contains("Patient"), found.body());

        Reply task = gateway.get("/fhir/Task?based-on=ServiceRequest/" + walked.referralId(), gpSystem, fhir);
        assertEquals(200, task.status(), task.body());
        assertEquals("completed", task.json().get("entry").get(0).get("resource").get("status").asText(), task.body());
    }

    @Test
    void aPersonRefersThemselvesWithoutATokenAndTheCoordinatorTracesThemIntoAReferral() {
        Map<String, Object> form = new LinkedHashMap<>();
        form.put("givenName", "Olive");
        form.put("familyName", "Jones");
        form.put("dateOfBirth", "1950-06-01");
        form.put("postcode", "LS6 4AA");
        form.put("phone", "0113 496 0001");
        form.put("preferredContact", "PHONE");
        form.put("practiceOdsCode", PatientJourney.PRACTICE);
        form.put("reasons", List.of("LONELINESS"));
        form.put("consent", Map.of("agreed", true, "statement", "self-referral-consent-2026-12"));
        Reply received = gateway.post("/self-referrals", null, form).expect(201, "POST /self-referrals without a token");
        String id = received.json().get("id").asText();
        assertFalse(received.body().contains("Jones"), "nothing the person sent is echoed: " + received.body());

        assertEquals(401, gateway.get("/self-referrals", null).status(), "only the form is open");
        assertEquals(401, gateway.get("/self-referrals/" + id, null).status());
        assertEquals(403, gateway.get("/self-referrals/" + id, gateway.userToken("dr-patel")).status());

        String coordinator = gateway.userToken("coord-sam");
        String nhsNumber = PatientJourney.testNhsNumber();
        Reply referral = gateway.post("/self-referrals/" + id + "/trace", coordinator, Map.of("nhsNumber", nhsNumber))
                .expect(201, "trace");
        assertEquals("SELF", referral.json().get("referrer").get("type").asText(), referral.body());
        assertEquals(nhsNumber, referral.json().get("patient").get("nhsNumber").asText());
    }

    @Test
    void withoutATokenTheGatewayAnswers401AsProblemJson() {
        Reply reply = gateway.get("/referrals/" + walked.referralId(), null);
        assertEquals(401, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
        assertEquals(401, reply.json().get("status").asInt());
    }

    @Test
    void requestsTheGatewayCannotReadAreRefusedAsProblemJsonNotHtml() throws IOException {
        String oversizedHeader = "GET /referrals HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + "a".repeat(20_000)
                + "\r\nConnection: close\r\n\r\n";
        String overlongLine = "GET /referrals?" + "a".repeat(10_000) + " HTTP/1.1\r\nHost: gateway\r\nConnection: close\r\n\r\n";
        String malformedHeader = "GET /referrals HTTP/1.1\r\nHost: gateway\r\nno colon here\r\nConnection: close\r\n\r\n";
        // With a token: without one the gateway answers 401 before it looks at the method.
        String trace = "TRACE /referrals HTTP/1.1\r\nHost: gateway\r\nAuthorization: Bearer " + gateway.clientToken("gp-system")
                + "\r\nConnection: close\r\n\r\n";
        for (var refused : Map.of(oversizedHeader, 400, overlongLine, 414, malformedHeader, 400, trace, 405).entrySet()) {
            String answer = rawExchange(refused.getKey());
            String statusLine = answer.substring(0, answer.indexOf("\r\n"));
            String request = refused.getKey().substring(0, Math.min(60, refused.getKey().indexOf("\r\n")));
            assertTrue(statusLine.startsWith("HTTP/1.1 " + refused.getValue() + " "), request + " -> " + statusLine);
            assertTrue(answer.toLowerCase().contains("\r\ncontent-type: application/problem+json"), request + " -> " + answer);
            JsonNode problem = new ObjectMapper().readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
            assertEquals(refused.getValue().intValue(), problem.get("status").asInt(), answer);
        }
    }

    /** Sends bytes no HTTP client library would send, and reads the gateway's whole answer. */
    private String rawExchange(String request) throws IOException {
        URI gatewayUrl = URI.create(suite.gatewayUrl());
        try (Socket socket = new Socket(gatewayUrl.getHost(), gatewayUrl.getPort())) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aForgedTokenIs401() throws GeneralSecurityException {
        String real = gateway.userToken("dr-patel");
        String forged = resignedWithAnotherKey(real);
        assertEquals(401, gateway.get("/referrals/" + walked.referralId(), forged).status());
        assertEquals(200, gateway.get("/referrals/" + walked.referralId(), real).status());
    }

    @Test
    void anExpiredTokenIs401() {
        String probe = new KeycloakAdmin(suite).clientWithShortLivedTokens(5);
        String token = gateway.clientToken(probe);
        // Valid but without a role: refused as 403, which shows the gateway accepted the token itself.
        assertEquals(403, gateway.get("/referrals/" + walked.referralId(), token).status());
        Pause.of(Duration.ofSeconds(7));
        Reply expired = gateway.get("/referrals/" + walked.referralId(), token);
        assertEquals(401, expired.status(), expired.body());
    }

    @Test
    void aGpOfAnotherPracticeCannotReadTheReferral() {
        Reply reply = gateway.get("/referrals/" + walked.referralId(), gateway.userToken("dr-okoro"));
        assertEquals(404, reply.status(), "a referral of another practice is not revealed: " + reply.body());
        assertEquals(200, gateway.get("/referrals/" + walked.referralId(), gateway.userToken("dr-patel")).status());
    }

    @Test
    void anIcsAnalystCannotReadAnyPatientLevelEndpoint() {
        String analyst = gateway.userToken("analyst-ria");
        for (String path : List.of("/referrals/" + walked.referralId(), "/referrals", "/fhir/ServiceRequest/" + walked.referralId(),
                "/cases/" + walked.caseId(), "/cases", "/link-workers/me/caseload", "/outcomes/cases/" + walked.caseId())) {
            Reply reply = gateway.get(path, analyst);
            assertEquals(403, reply.status(), path + " " + reply.body());
            assertFalse(reply.body().contains(walked.nhsNumber()), path);
        }
    }

    @Test
    void aLinkWorkerCannotReadAnotherWorkersCase() {
        String other = List.of("lw-amira", "lw-ben", "lw-chloe").stream().filter(u -> !u.equals(walked.linkWorker()))
                .findFirst().orElseThrow();
        Reply reply = gateway.get("/cases/" + walked.caseId(), gateway.userToken(other));
        assertEquals(404, reply.status(), "another worker's case is not revealed: " + reply.body());
        assertEquals(200, gateway.get("/cases/" + walked.caseId(), gateway.userToken(walked.linkWorker())).status());
    }

    @Test
    void theGatewayRefusesARoleOutsideTheRoute() {
        Reply reply = gateway.get("/cases/" + walked.caseId(), gateway.userToken("dr-patel"));
        assertEquals(403, reply.status());
        assertTrue(reply.contentType().startsWith("application/problem+json"), reply.contentType());
    }

    @Test
    void theIcsReportShowsTheNetworksMonthWithSmallNumbersSuppressed() {
        String analyst = gateway.userToken("analyst-ria");
        String path = "/reports/monthly?by=PCN&pcn=U31228";
        JsonNode row = poll(Duration.ofSeconds(60), () -> {
            for (JsonNode r : gateway.get(path, analyst).expect(200, "GET " + path).json().get("rows")) {
                if (r.path("casesClosed").path("suppressed").asBoolean()) {
                    return r;
                }
            }
            return null;
        });
        assertNotNull(row, "a row of PCN U31228 with the closed case");
        assertEquals("U31228", row.get("pcnCode").asText());
        // One or two referrals and one closed case this month: counts of 1-7 are withheld, and so is what derives from them.
        for (String figure : List.of("referralsReceived", "referralsAccepted", "casesClosed", "activitiesPrescribed")) {
            assertTrue(row.get(figure).get("suppressed").asBoolean(), figure + " " + row);
            assertTrue(row.get(figure).get("value").isNull(), figure + " " + row);
        }
        Reply csv = gateway.get(path, analyst, "text/csv");
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        assertTrue(csv.body().contains("U31228"), csv.body());
        assertFalse(csv.body().contains(walked.nhsNumber()));
    }

    @Test
    void theIcsEventStreamCarriesTheJourneyWithoutIdentifiers() {
        List<ConsumerRecord<String, String>> records = icsEvents(Duration.ofSeconds(60));
        assertFalse(records.isEmpty(), "ics-events has records");
        List<String> types = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            StringBuilder everything = new StringBuilder(String.valueOf(record.key())).append(record.value());
            for (Header header : record.headers()) {
                everything.append(header.key()).append(new String(header.value(), StandardCharsets.UTF_8));
                if (header.key().equals("ce_type")) {
                    types.add(new String(header.value(), StandardCharsets.UTF_8));
                }
            }
            String text = everything.toString();
            for (String identifier : List.of(walked.nhsNumber(), "Margaret", "Hughes", "0113 496 0000", "01134960000",
                    "1955-03-14", "LS6 4AA", "LS64AA", "Widowed")) {
                assertFalse(text.contains(identifier), "ics-events record carries " + identifier + ": " + text);
            }
        }
        assertTrue(types.stream().anyMatch(t -> t.contains("referral")), types.toString());
        assertTrue(types.stream().anyMatch(t -> t.contains("closed")), types.toString());
        assertTrue(types.stream().anyMatch(t -> t.contains("assessment")), types.toString());
    }

    /**
     * ics-events as an ICS dashboard reads them: the ics-dashboard client, authenticated by the realm. Read until the
     * journey's closure and its assessment have both arrived (outcomes publishes them as their source events reach
     * it, which on a loaded machine can be seconds apart), then a little longer.
     */
    private List<ConsumerRecord<String, String>> icsEvents(Duration quiet) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new BackboneClients(suite).icsDashboard()) {
            consumer.subscribe(List.of("ics-events"));
            Instant deadline = Instant.now().plus(quiet);
            while (Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
                if (typeSeen(records, "closed") && typeSeen(records, "assessment")) {
                    consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
                    break;
                }
            }
        }
        return records;
    }

    private static boolean typeSeen(List<ConsumerRecord<String, String>> records, String part) {
        return records.stream().anyMatch(r -> r.headers().lastHeader("ce_type") != null
                && new String(r.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8).contains(part));
    }

    /** The real token's header and claims, signed with a key the realm never published. */
    private static String resignedWithAnotherKey(String token) throws GeneralSecurityException {
        String[] parts = token.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(generator.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return parts[0] + "." + parts[1] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static <T> T poll(Duration patience, java.util.function.Supplier<T> attempt) {
        Instant deadline = Instant.now().plus(patience);
        while (Instant.now().isBefore(deadline)) {
            T result = attempt.get();
            if (result != null) {
                return result;
            }
            Pause.of(Duration.ofMillis(500));
        }
        return null;
    }
}
