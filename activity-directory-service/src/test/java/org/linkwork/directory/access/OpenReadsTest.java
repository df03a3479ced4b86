package org.linkwork.directory.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/** The ORUK reads as an open feed: CORS, preflight without a token, caching, and the per-client rate limit. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class OpenReadsTest {

    private static final String[] READ_PATHS = { "/directory/", "/directory/services", "/directory/services/" + Directory.WALKING,
            "/directory/taxonomies", "/directory/taxonomies/" + Directory.TAXONOMY, "/directory/taxonomy_terms",
            "/directory/taxonomy_terms/" + Directory.WALKING, "/directory/organizations", "/directory/service_at_locations" };

    @Test
    void everyOrukReadAnswersAnyOriginWithAndWithoutAToken() {
        for (String path : READ_PATHS) {
            given().header("X-Forwarded-For", "198.51.100.41").header("Origin", "https://activities.example.org").get(path).then()
                    .header("Access-Control-Allow-Origin", equalTo("*")).header("X-Content-Type-Options", equalTo("nosniff"));
            given().auth().oauth2(Tokens.linkWorker()).header("Origin", "https://activities.example.org").get(path).then()
                    .header("Access-Control-Allow-Origin", equalTo("*"));
        }
    }

    @Test
    void aPreflightIsAnsweredWithoutAToken() {
        for (String path : READ_PATHS) {
            given().header("Origin", "https://activities.example.org").header("Access-Control-Request-Method", "GET")
                    .header("Access-Control-Request-Headers", "authorization").options(path).then().statusCode(204)
                    .header("Access-Control-Allow-Origin", equalTo("*"))
                    .header("Access-Control-Allow-Methods", equalTo("GET, HEAD, OPTIONS"))
                    .header("Access-Control-Allow-Headers", containsString("Authorization"));
        }
    }

    @Test
    void curationGetsNoCorsAndNoPreflightWithoutAToken() {
        Response preflight = given().header("Origin", "https://activities.example.org").header("Access-Control-Request-Method", "POST")
                .options("/directory/curation/services");
        assertEquals(null, preflight.header("Access-Control-Allow-Origin"));
        given().header("Origin", "https://activities.example.org").contentType(ContentType.JSON).body("{}")
                .post("/directory/curation/services").then().statusCode(401).header("Access-Control-Allow-Origin", nullValue());
        given().header("X-Forwarded-For", "198.51.100.41").contentType(ContentType.JSON).body("{}").post("/directory/services")
                .then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void openReadsWithoutATokenMayBeCachedBrieflyWhileReadsWithATokenAreNotStored() {
        given().header("X-Forwarded-For", "198.51.100.41").get("/directory/taxonomies").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=60"));
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/taxonomies").then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"));
        given().header("X-Forwarded-For", "198.51.100.41").get("/directory/services/not-a-uuid").then().statusCode(400)
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void aClientThatExceedsTheOpenRateLimitGets429WithRetryAfterWhileOthersAndTokenHoldersGoOn() {
        String flooder = "203.0.113.99";
        int allowed = 0;
        Response refused = null;
        long started = System.nanoTime();
        for (int i = 0; i < 500 && refused == null; i++) {
            // An earlier entry of X-Forwarded-For is the caller's own claim: only the last, the gateway's, counts.
            Response response = given().header("X-Forwarded-For", "10.0.0." + (i % 250) + ", " + flooder).head("/directory/");
            if (response.statusCode() == 429) {
                refused = given().header("X-Forwarded-For", flooder).get("/directory/services");
            } else {
                assertEquals(200, response.statusCode());
                allowed++;
            }
        }
        // The configured burst of 120, plus the 2 a second the bucket gets back while the loop runs.
        long refilled = (long) Math.ceil((System.nanoTime() - started) / 1e9 * 2);
        assertTrue(allowed >= 120 && allowed <= 120 + refilled, allowed + " allowed, " + refilled + " refilled");
        assertEquals(429, refused.statusCode());
        refused.then().contentType("application/problem+json").body("status", equalTo(429))
                .header("Access-Control-Allow-Origin", equalTo("*")).header("Cache-Control", equalTo("no-store"));
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);

        given().header("X-Forwarded-For", "203.0.113.100").get("/directory/").then().statusCode(200);
        given().header("X-Forwarded-For", flooder).auth().oauth2(Tokens.linkWorker()).get("/directory/").then().statusCode(200);
    }
}
