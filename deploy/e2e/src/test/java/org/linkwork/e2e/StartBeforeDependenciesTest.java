package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.linkwork.local.Deployment;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;

/**
 * A service started while Keycloak or its database is away (restarting beside it, or not yet up after a node
 * restart) waits for it and then serves, instead of failing its start. On the launcher only, where nothing restarts
 * a process that exits, so a start that gave up shows at once; in compose and Kubernetes the engine would start it
 * again, with a growing back-off.
 */
class StartBeforeDependenciesTest {

    /** The defaults gave up within this: Kafka's login after 10 s, Flyway's first connection at once. */
    private static final Duration LONGER_THAN_THE_DEFAULTS_WAITED = Duration.ofSeconds(25);
    private static final long READY_WITHIN_MINUTES = 4;

    @Test
    void caseloadServiceStartedWhileKeycloakIsAwayWaitsForItThenOpensTheCaseReferredMeanwhile() throws Exception {
        RunningSuite running = RunningSuite.get();
        Deployment suite = running.suite;
        GatewayClient gateway = running.gateway;
        // Fetched before Keycloak goes: the gateway and referral-service verify it with the keys they hold.
        String gpSystem = gateway.clientToken("gp-system");

        assertTrue(suite.stop("caseload-service"), "caseload-service was running");
        assertTrue(suite.stop("keycloak"), "keycloak was running");
        CompletableFuture<Void> caseload;
        String referralId;
        try {
            // Each Kafka client logs in with a client-credentials token when it is made, at the start.
            caseload = startedAndStillStarting(suite, "caseload-service", "Keycloak");
            Reply created = gateway.post("/referrals", gpSystem, PatientJourney.referral(PatientJourney.testNhsNumber()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, created.status(), created.body());
            referralId = created.json().get("id").asText();
        } finally {
            suite.start("keycloak");
        }
        readyAfterItsDependencyIsBack(caseload, "caseload-service", "Keycloak");

        assertEquals(Set.of(), OpenedCases.awaitFor(gateway, Set.of(referralId), Duration.ofSeconds(90)),
                "the referral accepted while caseload-service waited for Keycloak became a case");
    }

    @Test
    void outcomesServiceStartedWhileItsDatabaseIsAwayWaitsForItThenAnswersReady() throws Exception {
        RunningSuite running = RunningSuite.get();
        Deployment suite = running.suite;

        assertTrue(suite.stop("outcomes-service"), "outcomes-service was running");
        assertTrue(suite.stop("postgres"), "postgres was running");
        CompletableFuture<Void> outcomes;
        try {
            // Its first step is the migrations, which need the database.
            outcomes = startedAndStillStarting(suite, "outcomes-service", "PostgreSQL");
        } finally {
            suite.start("postgres");
        }
        // Ready means its database check is UP.
        readyAfterItsDependencyIsBack(outcomes, "outcomes-service", "PostgreSQL");
    }

    private static CompletableFuture<Void> startedAndStillStarting(Deployment suite, String service, String away) {
        CompletableFuture<Void> starting = CompletableFuture.runAsync(() -> suite.start(service));
        Pause.of(LONGER_THAN_THE_DEFAULTS_WAITED);
        assertFalse(starting.isCompletedExceptionally(),
                () -> service + " gave up starting while " + away + " was away: " + starting.handle((ok, e) -> e).join());
        return starting;
    }

    private static void readyAfterItsDependencyIsBack(CompletableFuture<Void> starting, String service, String dependency)
            throws Exception {
        Instant back = Instant.now();
        starting.get(READY_WITHIN_MINUTES, TimeUnit.MINUTES);
        System.out.printf("%s: ready %d ms after %s was back%n", service, Duration.between(back, Instant.now()).toMillis(),
                dependency);
    }
}
