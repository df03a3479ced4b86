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
 * A service started while Keycloak is away (restarting beside it, or not yet up after a node restart): each of its
 * Kafka clients logs in with a client-credentials token when it is made, at the start. On the launcher only, where
 * nothing restarts a process that exits, so a start that gave up shows at once; in compose and Kubernetes the engine
 * would start it again, with a growing back-off.
 */
class KeycloakAwayAtStartTest {

    /** Kafka's own default gave the login 10 s, after which the start failed and the process exited. */
    private static final Duration LONGER_THAN_KAFKAS_DEFAULT = Duration.ofSeconds(25);

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
            caseload = CompletableFuture.runAsync(() -> suite.start("caseload-service"));
            Pause.of(LONGER_THAN_KAFKAS_DEFAULT);
            assertFalse(caseload.isCompletedExceptionally(),
                    () -> "caseload-service gave up starting while Keycloak was away: " + caseload.handle((ok, e) -> e).join());

            Reply created = gateway.post("/referrals", gpSystem, PatientJourney.referral(PatientJourney.testNhsNumber()),
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, created.status(), created.body());
            referralId = created.json().get("id").asText();
        } finally {
            suite.start("keycloak");
        }
        Instant keycloakBack = Instant.now();
        caseload.get(4, TimeUnit.MINUTES);
        System.out.printf("caseload-service: ready %d ms after Keycloak was back%n",
                Duration.between(keycloakBack, Instant.now()).toMillis());

        assertEquals(Set.of(), OpenedCases.awaitFor(gateway, Set.of(referralId), Duration.ofSeconds(90)),
                "the referral accepted while caseload-service waited for Keycloak became a case");
    }
}
