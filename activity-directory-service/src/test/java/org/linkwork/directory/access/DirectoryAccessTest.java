package org.linkwork.directory.access;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryAccessTest {

    private static final String[] READ_PATHS = { "/directory/", "/directory/services", "/directory/taxonomies",
            "/directory/taxonomy_terms", "/directory/organizations", "/directory/service_at_locations" };
    /** A client address of this class's own, so its reads without a token have a rate-limit bucket of their own. */
    private static final String CLIENT = "198.51.100.31";

    @Test
    void byDefaultTheOrukReadsAreOpenWithoutAToken() {
        for (String path : READ_PATHS) {
            given().header("X-Forwarded-For", CLIENT).get(path).then().statusCode(200).contentType("application/json");
        }
    }

    @Test
    void placesTakenByPatientsPrescriptionsAreShownOnlyToNhsReaders() {
        UUID service = Directory.add(new ServiceSpec(Directory.tag() + " allotment").capacity(10, 3));

        given().header("X-Forwarded-For", CLIENT).get("/directory/services/" + service).then().statusCode(200)
                .body("capacity", nullValue()).body("name", notNullValue());
        given().auth().oauth2(Tokens.icsAnalyst()).get("/directory/services/" + service).then().statusCode(200)
                .body("capacity", nullValue());
        for (String token : new String[] { Tokens.linkWorker(), Tokens.coordinator(), Tokens.gp(), Tokens.curator() }) {
            given().auth().oauth2(token).get("/directory/services/" + service).then().statusCode(200)
                    .body("capacity.places_taken", equalTo(3)).body("capacity.places_available", equalTo(7));
        }
    }

    @Test
    void curationStaysProtected() {
        String body = "{\"name\":\"Open house\",\"description\":\"x\"}";
        given().header("X-Forwarded-For", CLIENT).contentType(ContentType.JSON).body(body).post("/directory/curation/organizations")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.linkWorker()).contentType(ContentType.JSON).body(body).post("/directory/curation/organizations")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void expiredAndForgedTokensAreRejectedEvenOnOpenReads() {
        given().auth().oauth2(RealmTokens.expired("lw-amy", "link-worker", Map.of())).get("/directory/services")
                .then().statusCode(401);
        given().auth().oauth2(RealmTokens.forged("lw-amy", "link-worker", Map.of())).get("/directory/services")
                .then().statusCode(401);
    }
}
