package org.linkwork.platform.outage;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;

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
}
