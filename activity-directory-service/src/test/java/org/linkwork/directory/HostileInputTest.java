package org.linkwork.directory;

import static io.restassured.RestAssured.given;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.HostileInputs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class HostileInputTest {

    @Test
    void everyOperationAnswersHostileInputWithAProblemNeverAServerError() {
        // A real service, so that reads and curation get past "not found" and an import carries its whole shape.
        UUID service = Directory.add(new Directory.ServiceSpec("Hostile input walk " + Directory.tag()));
        String export = given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + service)
                .then().statusCode(200).extract().asString();
        HostileInputs.againstTestedService()
                .baselineValue("id", service.toString())
                .baselineBody("POST", "/directory/curation/import", "[" + export + "]")
                .assertNoServerErrorsOrBareErrors();
    }
}
