package org.linkwork.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.PostgresServer;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** PostgreSQL really stopped under the service: callers are told to come back, on both APIs. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class DatabaseOutageTest {

    private final PostgresServer postgres = RealInfrastructure.postgres();

    @AfterEach
    void databaseIsBack() {
        postgres.restart();
    }

    @Test
    void whileTheDatabaseIsDownTheJsonAndFhirApisAnswer503WithRetryAfter() {
        String gp = Tokens.gp("dr-patel", "B86043");
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(gp).get("/referrals/" + unknown).then().statusCode(404);

        postgres.stop();

        given().auth().oauth2(gp).get("/referrals/" + unknown).then().time(lessThan(3500L))
                .statusCode(503).contentType("application/problem+json").header("Retry-After", "5")
                .body("status", equalTo(503));
        given().auth().oauth2(gp).get("/fhir/ServiceRequest/" + unknown).then().time(lessThan(3500L))
                .statusCode(503).contentType("application/fhir+json").header("Retry-After", "5")
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("transient"));
        given().get("/q/health/ready").then().time(lessThan(3500L)).statusCode(503);

        postgres.restart();

        await().atMost(Duration.ofSeconds(20)).untilAsserted(
                () -> given().auth().oauth2(gp).get("/referrals/" + unknown).then().statusCode(404));
    }
}
