package org.linkwork.local;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One patient from GP referral to closed case, through the gateway with real tokens, printing each
 * step: {@code deploy/local/linkwork demo}. The end-to-end tests walk the same journey and check
 * what it returns.
 */
public final class PatientJourney {

    /** East Park Medical Centre, Leeds (PCN U31228): the gp-system client's and dr-patel's practice. */
    public static final String PRACTICE = "B86043";

    private final GatewayClient gateway;
    private final String gatewayUrl;
    private final PrintStream out;
    private final Duration patience = Duration.ofSeconds(90);

    public PatientJourney(Deployment suite, PrintStream out) {
        this.gateway = new GatewayClient(suite);
        this.gatewayUrl = suite.gatewayUrl();
        this.out = out;
    }

    /** What the journey did, for the end-to-end tests' assertions. */
    public record Walked(String nhsNumber, UUID referralId, UUID caseId, String linkWorker, String serviceId,
            int placesBefore, int placesAfter, JsonNode outcomes, JsonNode referralSeenByGp, JsonNode suggestions,
            JsonNode prescription) {
    }

    public Walked walk() {
        String nhsNumber = testNhsNumber();
        step(1, "A GP system (client gp-system, practice " + PRACTICE + ") refers a lonely 71-year-old in LS6 4AA");
        String gpSystem = gateway.clientToken("gp-system");
        JsonNode referral = gateway.post("/referrals", gpSystem, referral(nhsNumber),
                Map.of("Idempotency-Key", UUID.randomUUID().toString())).expect(201, "POST /referrals").json();
        UUID referralId = UUID.fromString(referral.get("id").asText());
        say("referral " + referralId + " " + referral.get("status").asText());

        step(2, "Triage: consent recorded and the practice is in the network, so it is accepted");
        String gp = gateway.userToken("dr-patel");
        JsonNode accepted = await("referral accepted", () -> gateway.get("/referrals/" + referralId, gp).json(),
                r -> !"RECEIVED".equals(r.path("status").asText()));
        say("status " + accepted.get("status").asText());

        step(3, "caseload-service opens a case and assigns the link worker with most free capacity in the PCN");
        String coordinator = gateway.userToken("coord-sam");
        JsonNode assigned = await("case assigned", () -> caseOf(referralId, coordinator),
                c -> c != null && c.hasNonNull("linkWorker"));
        UUID caseId = UUID.fromString(assigned.get("id").asText());
        String linkWorker = assigned.get("linkWorker").get("username").asText();
        say("case " + caseId + " assigned to " + assigned.get("linkWorker").get("name").asText() + " (" + linkWorker + ")");
        String worker = gateway.userToken(linkWorker);

        step(4, linkWorker + " records a baseline SWEMWBS with the patient");
        await("outcomes-service knows the case owner", () -> gateway.post("/outcomes/assessments", worker,
                assessment(caseId, "BASELINE", 2, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(30))),
                r -> r.status() == 201);
        say("baseline recorded");

        step(5, "The first appointment: face to face, 45 minutes, attended");
        gateway.post("/cases/" + caseId + "/contacts", worker, Map.of("at", OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(20).toString(),
                "mode", "FACE_TO_FACE", "durationMinutes", 45, "attended", true,
                "note", "Talked about what matters: company, getting out of the house.")).expect(201, "POST contact");
        say("case " + gateway.get("/cases/" + caseId, worker).json().get("status").asText());

        step(6, "Suggestions from the directory, ranked for this patient");
        JsonNode suggestions = await("suggestions", () -> gateway.get("/cases/" + caseId + "/suggestions", worker),
                r -> r.status() == 200).json();
        JsonNode best = null;
        for (JsonNode s : suggestions.get("suggestions")) {
            if (s.get("rank").asInt() <= 3) {
                say(s.get("rank").asInt() + ". " + s.get("name").asText() + " - " + s.get("why").asText());
            }
            // The best one that counts its places, so the demo can show the directory keeping count.
            if (best == null && s.hasNonNull("placesAvailable") && s.get("placesAvailable").asInt() > 0) {
                best = s;
            }
        }
        if (best == null) {
            throw new LauncherException("No suggestion with free places for this patient: " + suggestions);
        }
        String serviceId = best.get("serviceId").asText();
        int placesBefore = placesAvailable(serviceId, worker);

        step(7, "The patient picks \"" + best.get("name").asText() + "\" (" + placesBefore + " places free); it is prescribed");
        JsonNode prescription = gateway.post("/cases/" + caseId + "/prescriptions", worker,
                Map.of("serviceId", serviceId, "serviceName", best.get("name").asText())).expect(201, "POST prescription").json();
        say("kinds of activity (the directory's taxonomy terms): " + prescription.path("taxonomyTerms"));
        gateway.post("/cases/" + caseId + "/prescriptions/" + prescription.get("id").asText() + "/status", worker,
                Map.of("status", "ACCEPTED")).expect(200, "prescription ACCEPTED");
        int placesAfter = await("the directory's free places drop", () -> placesAvailable(serviceId, worker), p -> p < placesBefore);
        say("free places now " + placesAfter);

        step(8, "Eight weeks on: a follow-up SWEMWBS, then the case closes with goals met");
        gateway.post("/outcomes/assessments", worker, assessment(caseId, "DISCHARGE", 4, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(1)))
                .expect(201, "POST follow-up assessment");
        gateway.post("/cases/" + caseId + "/close", worker, Map.of("reason", "GOALS_MET")).expect(200, "close case");
        JsonNode outcomes = gateway.get("/outcomes/cases/" + caseId, worker).expect(200, "GET outcomes").json();
        say("wellbeing change: " + outcomes.path("changes"));

        step(9, "The referring GP sees the referral completed");
        JsonNode seen = await("referral COMPLETED", () -> gateway.get("/referrals/" + referralId, gp).json(),
                r -> "COMPLETED".equals(r.path("status").asText()));
        say("status " + seen.get("status").asText());

        out.println("\nDone: referral " + referralId + ", case " + caseId + ".");
        out.println("The ICS sees the journey, pseudonymised, in its dashboard: " + gatewayUrl + "/dashboard/"
                + " (log in as an ICS analyst, e.g. analyst-ria / " + GatewayClient.DEMO_PASSWORD + ").");
        return new Walked(nhsNumber, referralId, caseId, linkWorker, serviceId, placesBefore, placesAfter, outcomes, seen,
                suggestions, prescription);
    }

    public GatewayClient gateway() {
        return gateway;
    }

    private JsonNode caseOf(UUID referralId, String coordinator) {
        for (JsonNode c : gateway.get("/cases", coordinator).expect(200, "GET /cases").json()) {
            if (referralId.toString().equals(c.path("referralId").asText())) {
                return c;
            }
        }
        return null;
    }

    private int placesAvailable(String serviceId, String token) {
        return gateway.get("/directory/services/" + serviceId, token).expect(200, "GET directory service").json()
                .path("capacity").path("places_available").asInt();
    }

    /** A valid NHS number from the 999 range reserved for test data (Modulus 11 check digit). */
    public static String testNhsNumber() {
        return testNhsNumber(ThreadLocalRandom.current());
    }

    /** The same from {@code random}, so that a seeded generator makes the same patients each time. */
    static String testNhsNumber(RandomGenerator random) {
        while (true) {
            String first = "999" + String.format("%06d", random.nextInt(1_000_000));
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (first.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return first + check;
            }
        }
    }

    /** A GP referral of a lonely older patient at the demo practice, as the JSON API takes it. */
    public static Map<String, Object> referral(String nhsNumber) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("patient", Map.of("nhsNumber", nhsNumber, "givenName", "Margaret", "familyName", "Hughes",
                "dateOfBirth", "1955-03-14", "postcode", "LS6 4AA", "phone", "0113 496 0000", "preferredContact", "PHONE"));
        body.put("referrer", Map.of("odsCode", PRACTICE, "practitionerName", "Dr Asha Patel", "practitionerRole", "GP"));
        body.put("reasons", java.util.List.of("LONELINESS", "LOW_MOOD"));
        body.put("urgency", "ROUTINE");
        body.put("consent", Map.of("given", true, "recordedAt", Instant.now().minus(1, ChronoUnit.DAYS).toString()));
        body.put("notes", "Widowed last year, rarely leaves the house.");
        return body;
    }

    static Map<String, Object> assessment(UUID caseId, String timepoint, int level, OffsetDateTime completedAt) {
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String item : new String[] { "optimistic", "useful", "relaxed", "dealingWithProblems", "thinkingClearly",
                "closeToOthers", "ownMind" }) {
            answers.put(item, level);
        }
        return Map.of("caseId", caseId, "instrument", "SWEMWBS", "timepoint", timepoint, "answers", answers,
                "completedAt", completedAt.toString());
    }

    private <T> T await(String what, Supplier<T> poll, Predicate<T> done) {
        Instant deadline = Instant.now().plus(patience);
        T last = null;
        while (Instant.now().isBefore(deadline)) {
            last = poll.get();
            if (done.test(last)) {
                return last;
            }
            ManagedProcess.sleep(Duration.ofMillis(500));
        }
        throw new LauncherException("Waited " + patience.toSeconds() + " s for " + what + "; last answer: " + last);
    }

    private void step(int number, String text) {
        out.printf("%n%d. %s%n", number, text);
    }

    private void say(String text) {
        out.println("   " + text);
    }
}
