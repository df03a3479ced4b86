package org.linkwork.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class GracefulStopTest {

    @Inject
    GracefulStop gracefulStop;

    @AfterEach
    void serveAgain() {
        gracefulStop.resume();
    }

    @Test
    void onceTheStopHasBegunEveryNewRequestIsTurnedAwayWithARetryableProblem() {
        gracefulStop.stop();
        for (String path : new String[] { "/problem-test/referrals/2f1c1a8e-2b7c-4a59-9d0a-0d3b8f0c1e11",
                "/problem-test/coordinators-only", "/q/health/ready" }) {
            given().get(path).then().statusCode(503).contentType("application/problem+json")
                    .header("Retry-After", equalTo("1")).header("Connection", equalTo("close"))
                    .body("status", equalTo(503)).body("detail", equalTo("This instance is stopping; try again"));
        }
        given().contentType(ContentType.JSON).body("{}").post("/problem-test").then().statusCode(503);
    }

    @Test
    void onAFhirRouteTheRefusalIsATransientOperationOutcome() {
        gracefulStop.stop();
        given().get("/fhir/ServiceRequest/2f1c1a8e-2b7c-4a59-9d0a-0d3b8f0c1e11").then().statusCode(503)
                .contentType("application/fhir+json").header("Retry-After", equalTo("1"))
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("transient"))
                .body("issue[0].diagnostics", equalTo("This instance is stopping; try again"));
    }

    @Test
    void beforeTheStopRequestsAreServed() {
        given().get("/problem-test/coordinators-only").then().statusCode(401);
        given().get("/q/health/ready").then().statusCode(200);
    }
}
