package org.linkwork.platform.http;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class SecurityHeadersTest {

    private static void noStoreNoSniff(ValidatableResponse response) {
        response.header("Cache-Control", equalTo("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void answersFromEndpointsAreNeitherStoredNorSniffed() {
        noStoreNoSniff(given().contentType(ContentType.JSON).body("""
                {"patient":{"nhsNumber":"9434765919","dateOfBirth":"1950-02-03"},"reasons":["LONELINESS"]}""")
                .post("/problem-test").then().statusCode(200));
        noStoreNoSniff(given().get("/problem-test/referrals/" + UUID.randomUUID()).then());
    }

    @Test
    void problemsAndRefusalsAreNeitherStoredNorSniffed() {
        noStoreNoSniff(given().contentType(ContentType.JSON).body("{}").post("/problem-test").then().statusCode(400));
        noStoreNoSniff(given().get("/problem-test/coordinators-only").then().statusCode(401));
        noStoreNoSniff(given().get("/no-such-route/at-all").then().statusCode(404));
    }

    @Test
    void theServicesOwnDocumentsAreNotSniffed() {
        given().get("/q/health").then().header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void anEndpointThatChoosesItsOwnCachingKeepsIt() {
        given().get("/cached-test").then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
