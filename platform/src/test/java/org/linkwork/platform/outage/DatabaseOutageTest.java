package org.linkwork.platform.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.CapturedLog;
import org.linkwork.infra.PostgresServer;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.outbox.OutboxRelay;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** PostgreSQL really stopped under a running service, then started again. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class DatabaseOutageTest {

    private final PostgresServer postgres = RealInfrastructure.postgres();

    @AfterEach
    void databaseIsBack() {
        postgres.restart();
    }

    @Test
    void whileTheDatabaseIsDownRequestsAreQuickly503WithRetryAfterAndReadinessIsDown() {
        given().get("/outage-test/outbox-backlog").then().statusCode(200);

        postgres.stop();

        for (int i = 0; i < 5; i++) {
            given().get("/outage-test/outbox-backlog").then()
                    .time(lessThan(3500L))
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", "5")
                    .body("status", equalTo(503))
                    .body("detail", notNullValue());
        }

        given().get("/q/health/ready").then().time(lessThan(2500L)).statusCode(503).body("status", equalTo("DOWN"));
        given().get("/q/health/live").then().time(lessThan(2500L)).statusCode(200);

        postgres.restart();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().get("/outage-test/outbox-backlog").then().statusCode(200));
    }

    @Test
    void theOutboxRelaySaysOnceThatTheDatabaseIsAwayAndOnceThatItIsBack() throws InterruptedException {
        try (CapturedLog relayLog = CapturedLog.of(OutboxRelay.class)) {
            postgres.stop();
            // The relay tries once a second: several passes fail before the database is back.
            await().atMost(Duration.ofSeconds(10)).until(() -> !relayLog.messages(Level.WARNING).isEmpty());
            Thread.sleep(4000);
            postgres.restart();

            Pattern back = Pattern.compile("database reachable again after (\\d+) failed passes");
            await().atMost(Duration.ofSeconds(20)).until(
                    () -> relayLog.messages(Level.INFO).stream().anyMatch(message -> back.matcher(message).find()));
            Matcher failedPasses = relayLog.messages(Level.INFO).stream().map(back::matcher).filter(Matcher::find)
                    .findFirst().orElseThrow();
            List<String> warnings = relayLog.messages(Level.WARNING);
            assertTrue(Integer.parseInt(failedPasses.group(1)) >= 3, "failed passes: " + failedPasses.group(1));
            assertTrue(warnings.size() <= 2, warnings.size() + " warnings for one outage: " + warnings);
        }
    }
}
