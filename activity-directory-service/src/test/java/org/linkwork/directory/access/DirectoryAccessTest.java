package org.linkwork.directory.access;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class DirectoryAccessTest {

    private static final String[] READ_PATHS = { "/directory/", "/directory/services", "/directory/taxonomies",
            "/directory/taxonomy_terms", "/directory/organizations" };

    @Test
    void withoutATokenTheDirectoryAnswers401AsAProblem() {
        for (String path : READ_PATHS) {
            given().get(path).then().statusCode(401).contentType("application/problem+json");
        }
    }

    @Test
    void linkWorkersCoordinatorsGpsAndCuratorsMayRead() {
        for (String token : new String[] { Tokens.linkWorker(), Tokens.coordinator(), Tokens.gp(), Tokens.curator() }) {
            for (String path : READ_PATHS) {
                given().auth().oauth2(token).get(path).then().statusCode(200);
            }
        }
    }

    @Test
    void otherRolesAreForbiddenAsAProblem() {
        given().auth().oauth2(Tokens.icsAnalyst()).get("/directory/services").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(RealmTokens.withoutRole("nobody")).get("/directory/services").then().statusCode(403);
    }

    @Test
    void expiredAndForgedTokensAreRejected() {
        given().auth().oauth2(RealmTokens.expired("lw-amy", "link-worker", Map.of())).get("/directory/services")
                .then().statusCode(401);
        given().auth().oauth2(RealmTokens.forged("lw-amy", "link-worker", Map.of())).get("/directory/services")
                .then().statusCode(401);
    }
}
