package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.PatientJourney;
import org.linkwork.local.Deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A referral cancelled after its case was assigned and an activity prescribed, through the gateway: the case closes
 * with a coded reason, the directory gets its place back, the link worker's caseload drops, the GP still sees the
 * referral CANCELLED, and ics-events carries the cancellation and the closure.
 */
class ReferralCancellationEndToEndTest {

    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Deployment suite = RunningSuite.get().suite;
    private final GatewayClient gateway = RunningSuite.get().gateway;

    @Test
    void cancellingAnAssignedReferralClosesItsCaseAndReleasesItsPlacesEverywhere() throws Exception {
        String gp = gateway.userToken("dr-patel");
        String coordinator = gateway.userToken("coord-sam");
        UUID referralId = UUID.fromString(gateway.post("/referrals", gateway.clientToken("gp-system"),
                referral(PatientJourney.testNhsNumber()), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201, "POST /referrals").json().get("id").asText());

        JsonNode assigned = await("the case is assigned", () -> caseOf(referralId, coordinator),
                c -> c != null && c.hasNonNull("linkWorker"));
        String caseId = assigned.get("id").asText();
        String worker = gateway.userToken(assigned.get("linkWorker").get("username").asText());
        long openBefore = openCases(worker);

        JsonNode suggestions = await("suggestions", () -> gateway.get("/cases/" + caseId + "/suggestions", worker),
                r -> r.status() == 200).json();
        String serviceId = null;
        for (JsonNode s : suggestions.get("suggestions")) {
            if (s.hasNonNull("placesAvailable") && s.get("placesAvailable").asInt() > 0) {
                serviceId = s.get("serviceId").asText();
                break;
            }
        }
        assertNotNull(serviceId, "a suggestion with places: " + suggestions);
        String service = serviceId;
        int placesBefore = placesAvailable(service, worker);
        String prescription = gateway.post("/cases/" + caseId + "/prescriptions", worker, Map.of("serviceId", service))
                .expect(201, "POST prescription").json().get("id").asText();
        gateway.post("/cases/" + caseId + "/prescriptions/" + prescription + "/status", worker, Map.of("status", "ACCEPTED"))
                .expect(200, "prescription ACCEPTED");
        await("the directory's places drop", () -> placesAvailable(service, worker), p -> p == placesBefore - 1);

        await("the GP sees the referral assigned", () -> gateway.get("/referrals/" + referralId, gp).json(),
                r -> "ASSIGNED".equals(r.path("status").asText()));
        gateway.post("/referrals/" + referralId + "/cancel", coordinator,
                Map.of("reason", "MOVED_AWAY", "note", "Moved to Sheffield before the first appointment"))
                .expect(200, "POST cancel").json();

        JsonNode closed = await("the case closes", () -> gateway.get("/cases/" + caseId, coordinator).json(),
                c -> "CLOSED".equals(c.path("status").asText()));
        assertEquals("REFERRAL_CANCELLED", closed.get("closureReason").asText());
        await("the directory's place comes back", () -> placesAvailable(service, worker), p -> p == placesBefore);
        assertEquals(openBefore - 1, openCases(worker), "the link worker's open caseload drops");
        JsonNode prescriptions = gateway.get("/cases/" + caseId + "/prescriptions", worker).expect(200, "GET prescriptions").json();
        assertEquals("STOPPED", prescriptions.get(0).get("status").asText());

        JsonNode closure = await("ics-events carries the closure",
                () -> icsRecord(referralId, "org.linkwork.ics.case-closed.v1"), r -> r != null);
        assertEquals("REFERRAL_CANCELLED", closure.get("reason").asText());
        assertEquals("U31228", closure.get("pcnCode").asText());
        JsonNode cancellation = icsRecord(referralId, "org.linkwork.ics.referral-cancelled.v1");
        assertNotNull(cancellation, "ics-events carries the cancellation");
        assertEquals("MOVED_AWAY", cancellation.get("reason").asText());
        assertEquals("ASSIGNED", cancellation.get("previousStatus").asText());

        // referral-service reads the same case.closed as outcomes-service, which has published from it by now;
        // give it a moment, then the cancellation must still stand, not have become a completion.
        Thread.sleep(3000);
        JsonNode seenByGp = gateway.get("/referrals/" + referralId, gp).expect(200, "GET referral").json();
        assertEquals("CANCELLED", seenByGp.get("status").asText());
        List<String> history = gateway.get("/referrals/" + referralId + "/history", gp).expect(200, "GET history").json()
                .findValuesAsText("to");
        assertEquals("CANCELLED", history.get(history.size() - 1), history.toString());
    }

    private JsonNode caseOf(UUID referralId, String coordinator) {
        for (JsonNode c : gateway.get("/cases", coordinator).expect(200, "GET /cases").json()) {
            if (referralId.toString().equals(c.path("referralId").asText())) {
                return c;
            }
        }
        return null;
    }

    private long openCases(String worker) {
        return gateway.get("/link-workers/me/caseload", worker).expect(200, "GET my caseload").json()
                .get("worker").get("openCases").asLong();
    }

    private int placesAvailable(String serviceId, String token) {
        return gateway.get("/directory/services/" + serviceId, token).expect(200, "GET directory service").json()
                .path("capacity").path("places_available").asInt();
    }

    /**
     * The ics record of this type for this referral, found by the referral's pseudonym (the record key), read as
     * an ICS dashboard reads it: the ics-dashboard client, authenticated by the realm.
     */
    private JsonNode icsRecord(UUID referralId, String type) {
        BackboneClients backbone = new BackboneClients(suite);
        String key = backbone.pseudonym(referralId.toString());
        try (KafkaConsumer<String, String> consumer = backbone.icsDashboard()) {
            consumer.subscribe(List.of("ics-events"));
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofSeconds(1))) {
                    var header = record.headers().lastHeader("ce_type");
                    if (key.equals(record.key()) && header != null
                            && type.equals(new String(header.value(), StandardCharsets.UTF_8))) {
                        return JSON.readTree(record.value());
                    }
                }
            }
            return null;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> referral(String nhsNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patient", Map.of("nhsNumber", nhsNumber, "givenName", "Arthur", "familyName", "Pennington",
                "dateOfBirth", "1949-08-02", "postcode", "LS6 4AA", "phone", "0113 496 0001", "preferredContact", "PHONE"));
        body.put("referrer", Map.of("odsCode", PatientJourney.PRACTICE, "practitionerName", "Dr Asha Patel",
                "practitionerRole", "GP"));
        body.put("reasons", List.of("LONELINESS", "PHYSICAL_INACTIVITY"));
        body.put("urgency", "ROUTINE");
        body.put("consent", Map.of("given", true, "recordedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
        return body;
    }

    private static <T> T await(String what, Supplier<T> poll, Predicate<T> done) {
        Instant deadline = Instant.now().plus(PATIENCE);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = poll.get();
            if (done.test(last)) {
                return last;
            }
            Pause.of(Duration.ofMillis(500));
        }
        throw new AssertionError("Waited " + PATIENCE.toSeconds() + " s for " + what + "; last: " + last);
    }
}
