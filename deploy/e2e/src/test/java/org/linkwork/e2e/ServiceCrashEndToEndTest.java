package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;

/** A service killed outright (SIGKILL, as a crash or a lost node) under the running suite. */
class ServiceCrashEndToEndTest {

    /**
     * With Kafka's default 45 s session timeout the dead instance kept its partitions for ~49 s after
     * the kill (about 25 s past the restarted service's readiness); with 10 s they are free by the time
     * a restarted service is ready.
     */
    private static final Duration RESUME_WITHIN = Duration.ofSeconds(15);

    @Test
    void aKilledCaseloadServiceResumesConsumingWithinSecondsOfItsRestartAndNothingIsLost() {
        RunningSuite running = RunningSuite.get();
        GatewayClient gateway = running.gateway;

        assertTrue(running.suite.crash("caseload-service"), "caseload-service was running");
        // Accepted while caseload-service is dead: the event waits in Kafka.
        String nhsNumber = PatientJourney.testNhsNumber();
        Reply created = gateway.post("/referrals", gateway.clientToken("gp-system"), PatientJourney.referral(nhsNumber),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertEquals(201, created.status(), created.body());
        String referralId = created.json().get("id").asText();

        running.suite.start("caseload-service");
        Instant ready = Instant.now();

        Set<String> notOpened = OpenedCases.awaitFor(gateway, Set.of(referralId), Duration.ofSeconds(90));
        Duration resumedAfter = Duration.between(ready, Instant.now());
        System.out.printf("caseload-service: case opened %d ms after the restarted service was ready%n", resumedAfter.toMillis());
        assertEquals(Set.of(), notOpened, "the referral accepted during the crash became a case");
        assertTrue(resumedAfter.compareTo(RESUME_WITHIN) < 0,
                "the case opened " + resumedAfter.toMillis() + " ms after the restarted service was ready");
    }
}
