package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;


/**
 * A service stopped the way an orchestrator stops it in a rolling update or a scale-down (SIGTERM, then its own
 * graceful shutdown) while events flow to it. Its database connections close while its consumers still hold
 * records; those records must be consumed again, not dead-lettered (which once took dozens of events a restart out
 * of the flow).
 */
class ServiceStopEndToEndTest {

    private static final int REFERRALS = 60;

    @Test
    void everyReferralAcceptedWhileCaseloadServiceStopsAndStartsBecomesACase() throws Exception {
        RunningSuite running = RunningSuite.get();
        GatewayClient gateway = running.gateway;
        String gpSystem = gateway.clientToken("gp-system");

        ExecutorService senders = Executors.newFixedThreadPool(4);
        List<Future<String>> sent = new ArrayList<>();
        try {
            for (int i = 0; i < REFERRALS; i++) {
                sent.add(senders.submit(() -> refer(gateway, gpSystem)));
            }
            // Stopped while the burst is being consumed, so that records are in flight as its connections close.
            while (sent.stream().filter(Future::isDone).count() < REFERRALS / 4) {
                Pause.of(Duration.ofMillis(50));
            }
            assertTrue(running.suite.stop("caseload-service"), "caseload-service was running");
        } finally {
            running.suite.start("caseload-service");
            senders.shutdown();
        }
        Set<String> referrals = new HashSet<>();
        for (Future<String> referral : sent) {
            referrals.add(referral.get());
        }

        Set<String> missing = OpenedCases.awaitFor(gateway, referrals, Duration.ofSeconds(120));
        assertEquals(Set.of(), missing, "referrals accepted around the stop that never became cases");
    }

    private static String refer(GatewayClient gateway, String token) {
        Reply created = gateway.post("/referrals", token, PatientJourney.referral(PatientJourney.testNhsNumber()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, created.status(), created.body());
        return created.json().get("id").asText();
    }
}
