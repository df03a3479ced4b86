package org.linkwork.platform.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.PostgresServer;
import org.linkwork.infra.RealInfrastructure;

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
        Logger relayLog = Logger.getLogger("org.linkwork.platform.outbox.OutboxRelay");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        relayLog.addHandler(capture);
        try {
            postgres.stop();
            // The relay tries once a second: several passes fail before the database is back.
            await().atMost(Duration.ofSeconds(10)).until(() -> records.stream().anyMatch(r -> r.getLevel().intValue() == Level.WARNING.intValue()));
            Thread.sleep(4000);
            postgres.restart();

            Pattern back = Pattern.compile("database reachable again after (\\d+) failed passes");
            await().atMost(Duration.ofSeconds(20)).until(() -> records.stream().anyMatch(r -> back.matcher(message(r)).find()));
            Matcher failedPasses = records.stream().map(r -> back.matcher(message(r))).filter(Matcher::find).findFirst().orElseThrow();
            long warnings = records.stream().filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).count();
            assertTrue(Integer.parseInt(failedPasses.group(1)) >= 3, "failed passes: " + failedPasses.group(1));
            assertTrue(warnings <= 2, warnings + " warnings for one outage: "
                    + records.stream().map(DatabaseOutageTest::message).toList());
        } finally {
            relayLog.removeHandler(capture);
        }
    }

    private static String message(LogRecord record) {
        return record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
    }
}
