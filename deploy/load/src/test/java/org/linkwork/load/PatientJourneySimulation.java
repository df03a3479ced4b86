package org.linkwork.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.asLongAsDuring;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.core.Simulation;

/**
 * The whole patient journey at a steady arrival rate ({@code load.rate} new referrals a second): the GP system
 * refers; referral-service triages and publishes; caseload-service opens and assigns a case; outcomes-service
 * learns the case's owner (its read model); the link worker records a baseline and a contact and closes the
 * case; the GP system sees the referral completed. Besides Gatling's request timings it prints, from the
 * services' own timestamps, how long each hop of the pipeline took.
 */
public class PatientJourneySimulation extends Simulation {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String[] LINK_WORKERS = { "lw-amira", "lw-ben", "lw-chloe" };

    private final Realm realm = new Realm();
    private final Supplier<String> gpSystem = realm.client("gp-system");
    private final Supplier<String> coordinator = realm.user("coord-sam");
    private final Map<String, Supplier<String>> linkWorkers = Map.of(LINK_WORKERS[0], realm.user(LINK_WORKERS[0]),
            LINK_WORKERS[1], realm.user(LINK_WORKERS[1]), LINK_WORKERS[2], realm.user(LINK_WORKERS[2]));
    private final PipelineLatencies latencies = new PipelineLatencies();

    {
        ScenarioBuilder journey = scenario("patient journey")
                .exec(http("POST /referrals").post("/referrals")
                        .header("Authorization", s -> bearer(gpSystem))
                        .header("Idempotency-Key", s -> UUID.randomUUID().toString())
                        .header("Content-Type", "application/json").body(StringBody(s -> Referrals.json()))
                        .check(status().is(201), jsonPath("$.id").saveAs("referralId")))
                .exitHereIfFailed()
                .exec(untilCaseAssigned())
                .exec(http("GET /referrals/{id}/history").get("/referrals/#{referralId}/history")
                        .header("Authorization", s -> bearer(gpSystem))
                        .check(status().is(200), jsonPath("$[?(@.to == 'ACCEPTED')].at").saveAs("acceptedAt")))
                .exec(http("GET /cases/{id}").get("/cases/#{caseId}")
                        .header("Authorization", s -> bearer(coordinator))
                        .check(status().is(200), jsonPath("$.openedAt").saveAs("openedAt"),
                                jsonPath("$.assignedAt").saveAs("assignedAt"),
                                jsonPath("$.linkWorker.username").saveAs("linkWorker")))
                .exitHereIfFailed()
                .exec(session -> {
                    latencies.record("referral accepted -> case opened", between(session, "acceptedAt", "openedAt"));
                    latencies.record("referral accepted -> link worker assigned", between(session, "acceptedAt", "assignedAt"));
                    return session;
                })
                .exec(untilOutcomesKnowsTheCase())
                .exec(http("POST /cases/{id}/contacts").post("/cases/#{caseId}/contacts")
                        .header("Authorization", this::linkWorker).header("Content-Type", "application/json")
                        .body(StringBody(s -> "{\"at\": \"" + OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(5)
                                + "\", \"mode\": \"FACE_TO_FACE\", \"durationMinutes\": 45, \"attended\": true}"))
                        .check(status().is(201)))
                .exec(http("POST /cases/{id}/close").post("/cases/#{caseId}/close")
                        .header("Authorization", this::linkWorker).header("Content-Type", "application/json")
                        .body(StringBody("{\"reason\": \"GOALS_MET\"}")).check(status().is(200)))
                .exec(session -> session.set("closedAt", System.currentTimeMillis()))
                .exec(untilReferralCompleted());
        setUp(journey.injectOpen(constantUsersPerSec(LoadSettings.RATE).during(LoadSettings.DURATION)))
                .protocols(http.baseUrl(LoadSettings.GATEWAY).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    @Override
    public void after() {
        latencies.print();
    }

    private ChainBuilder untilCaseAssigned() {
        return exec(session -> session.remove("caseId"))
                .exec(asLongAsDuring(session -> !session.contains("caseId"), PATIENCE).on(pause(POLL)
                        .exec(http("poll GET /referrals/{id}").get("/referrals/#{referralId}")
                                .header("Authorization", s -> bearer(gpSystem))
                                .check(status().is(200), jsonPath("$.caseId").optional().saveAs("caseId")))))
                .exec(session -> {
                    if (!session.contains("caseId")) {
                        latencies.failed("case assigned within " + PATIENCE.toSeconds() + " s");
                        return session.markAsFailed();
                    }
                    return session;
                })
                .exitHereIfFailed();
    }

    /** A baseline SWEMWBS is taken only once outcomes-service has learnt, from caseload's events, whose case it is. */
    private ChainBuilder untilOutcomesKnowsTheCase() {
        return exec(session -> session.set("baselineStatus", 0))
                .exec(asLongAsDuring(session -> session.getInt("baselineStatus") != 201, PATIENCE).on(
                        exec(http("POST /outcomes/assessments").post("/outcomes/assessments")
                                .header("Authorization", this::linkWorker).header("Content-Type", "application/json")
                                .body(StringBody(s -> baseline(s.getString("caseId"))))
                                .check(status().in(201, 403, 404).saveAs("baselineStatus")))
                        .doIf(session -> session.getInt("baselineStatus") != 201).then(pause(POLL))))
                .exec(session -> {
                    if (session.getInt("baselineStatus") != 201) {
                        latencies.failed("outcomes knows the case within " + PATIENCE.toSeconds() + " s");
                        return session.markAsFailed();
                    }
                    latencies.record("link worker assigned -> outcomes read model has it (upper bound)",
                            System.currentTimeMillis() - OffsetDateTime.parse(session.getString("assignedAt")).toInstant().toEpochMilli());
                    return session;
                })
                .exitHereIfFailed();
    }

    private ChainBuilder untilReferralCompleted() {
        return exec(session -> session.set("status", ""))
                .exec(asLongAsDuring(session -> !"COMPLETED".equals(session.getString("status")), PATIENCE).on(pause(POLL)
                        .exec(http("poll GET /referrals/{id}").get("/referrals/#{referralId}")
                                .header("Authorization", s -> bearer(gpSystem))
                                .check(status().is(200), jsonPath("$.status").saveAs("status")))))
                .exec(session -> {
                    if ("COMPLETED".equals(session.getString("status"))) {
                        latencies.record("case closed -> GP sees referral completed (upper bound)",
                                System.currentTimeMillis() - session.getLong("closedAt"));
                    } else {
                        latencies.failed("referral completed within " + PATIENCE.toSeconds() + " s");
                    }
                    return session;
                });
    }

    private String linkWorker(Session session) {
        Supplier<String> token = linkWorkers.get(session.getString("linkWorker"));
        if (token == null) {
            throw new IllegalStateException("the case went to " + session.getString("linkWorker")
                    + ", who is not one of the demo link workers this simulation has tokens for");
        }
        return bearer(token);
    }

    private static String bearer(Supplier<String> token) {
        return "Bearer " + token.get();
    }

    private static long between(Session session, String from, String to) {
        return Duration.between(OffsetDateTime.parse(session.getString(from)), OffsetDateTime.parse(session.getString(to))).toMillis();
    }

    private static String baseline(String caseId) {
        return """
                {"caseId": "%s", "instrument": "SWEMWBS", "timepoint": "BASELINE", "completedAt": "%s",
                 "answers": {"optimistic": 2, "useful": 2, "relaxed": 2, "dealingWithProblems": 2, "thinkingClearly": 2,
                             "closeToOthers": 2, "ownMind": 2}}
                """.formatted(caseId, OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(10));
    }
}
