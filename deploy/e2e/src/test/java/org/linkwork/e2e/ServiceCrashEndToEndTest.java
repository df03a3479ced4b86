package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.GatewayClient.Reply;
import org.linkwork.local.PatientJourney;

import com.fasterxml.jackson.databind.JsonNode;

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

        String coordinator = gateway.userToken("coord-sam");
        JsonNode opened = null;
        while (opened == null && Duration.between(ready, Instant.now()).compareTo(Duration.ofSeconds(90)) < 0) {
            for (JsonNode c : gateway.get("/cases", coordinator).expect(200, "GET /cases").json()) {
                if (referralId.equals(c.path("referralId").asText())) {
                    opened = c;
                }
            }
            if (opened == null) {
                Pause.of(Duration.ofMillis(500));
            }
        }
        Duration resumedAfter = Duration.between(ready, Instant.now());
        System.out.printf("caseload-service: case opened %d ms after the restarted service was ready%n", resumedAfter.toMillis());
        assertTrue(opened != null, "the referral accepted during the crash became a case");
        assertTrue(resumedAfter.compareTo(RESUME_WITHIN) < 0,
                "the case opened " + resumedAfter.toMillis() + " ms after the restarted service was ready");
    }
}
