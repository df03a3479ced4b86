package org.linkwork.platform.problem;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "platform"))
class ProblemMappersTest {

    static final String VALID = """
            {"patient":{"nhsNumber":"9434765919","dateOfBirth":"1950-02-03"},"reasons":["LONELINESS"]}""";

    @Test
    void validRequestPasses() {
        given().contentType(ContentType.JSON).body(VALID).post("/problem-test").then().statusCode(200);
    }

    @Test
    void invalidFieldsAreNamedByTheirPathInTheBody() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"patient":{"nhsNumber":"12","dateOfBirth":"2999-01-01"},"reasons":[]}""")
                .post("/problem-test")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", equalTo("Invalid request"))
                .body("instance", equalTo("/problem-test"))
                .body("errors.field", hasItems("patient.nhsNumber", "patient.dateOfBirth", "reasons"))
                .body("detail", containsString("patient.nhsNumber: must be 10 digits"));
    }

    @Test
    void nullInsideAListIsNamedWithItsIndex() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"patient":{"nhsNumber":"9434765919","dateOfBirth":"1950-02-03"},"reasons":["LONELINESS",null]}""")
                .post("/problem-test")
                .then().statusCode(400)
                .body("errors.field", hasItem("reasons[1]"));
    }

    @Test
    void aNulCharacterInATextFieldIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(VALID.replace("]}", "],\"note\":\"a\\u0000b\"}"))
                .post("/problem-test")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("U+0000"));
    }

    @Test
    void anUnpairedSurrogateInATextFieldIsRefusedNamingTheField() {
        given().contentType(ContentType.JSON).body(VALID.replace("]}", "],\"note\":\"x\\ud800y\"}"))
                .post("/problem-test")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("note"))
                .body("errors[0].message", containsString("unpaired surrogate"));
    }

    @Test
    void aNulCharacterInABodyBoundAsATreeIsRefusedNamingItsPath() {
        given().contentType(ContentType.JSON).body("[{\"name\":\"fine\"},{\"name\":\"a\\u0000b\"}]")
                .post("/problem-test/tree")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("[1].name"));
        given().contentType(ContentType.JSON).body("[{\"name\":\"fine\"}]").post("/problem-test/tree")
                .then().statusCode(200);
    }

    @Test
    void lineBreaksAndTabsInATextFieldAreText() {
        given().contentType(ContentType.JSON).body(VALID.replace("]}", "],\"note\":\"first\\n\\tsecond\"}"))
                .post("/problem-test")
                .then().statusCode(200);
    }

    @Test
    void aNulCharacterInAQueryParameterIsRefusedNamingIt() {
        given().urlEncodingEnabled(false).get("/problem-test/search?size=1&text=a%00b")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("text"));
    }

    @Test
    void aPagePastTheDeepestOffsetIsRefusedNamingThePageInsteadOfOverflowing() {
        given().queryParam("page", Integer.MAX_VALUE).queryParam("size", 100).get("/problem-test/paged")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
        given().queryParam("page", 3).queryParam("size", 100).get("/problem-test/paged")
                .then().statusCode(200).body(equalTo("300"));
    }

    @Test
    void anErrorOnAFhirPathIsAnOperationOutcome() {
        given().get("/fhir/NoSuchResource/1")
                .then().statusCode(404).contentType("application/fhir+json")
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("not-found"));
    }

    @Test
    void missingBodyIsABadRequest() {
        given().contentType(ContentType.JSON).post("/problem-test")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void malformedJsonIsABadRequestNotAServerError() {
        given().contentType(ContentType.JSON).body("{\"patient\": }").post("/problem-test")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("detail", containsString("line 1"));
        given().contentType(ContentType.JSON).body("{\"patient\": {").post("/problem-test")
                .then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void unknownEnumValueNamesTheFieldAndTheAllowedValues() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"patient":{"nhsNumber":"9434765919","dateOfBirth":"1950-02-03"},"reasons":["BOREDOM"]}""")
                .post("/problem-test")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reasons[0]"))
                .body("errors[0].message", equalTo("must be one of [LONELINESS, LOW_MOOD]"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "0", "1", "\"1\"" })
    void anEnumIsItsNameNeverItsPositionInTheList(String position) {
        given().contentType(ContentType.JSON)
                .body("""
                        {"patient":{"nhsNumber":"9434765919","dateOfBirth":"1950-02-03"},"reasons":[%s]}""".formatted(position))
                .post("/problem-test")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("reasons[0]"));
    }

    @Test
    void wronglyTypedValueNamesTheField() {
        given().contentType(ContentType.JSON)
                .body("""
                        {"patient":{"nhsNumber":"9434765919","dateOfBirth":"yesterday"},"reasons":["LONELINESS"]}""")
                .post("/problem-test")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("patient.dateOfBirth"));
    }

    @Test
    void invalidQueryParameterIsNamed() {
        given().queryParam("size", -1).get("/problem-test/search")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void queryParameterThatIsNotANumberIsA400NamingItNotA404() {
        given().queryParam("size", "abc").get("/problem-test/search")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"))
                .body("errors[0].message", equalTo("must be a whole number"));
    }

    @Test
    void unknownEnumQueryValueNamesTheParameterAndTheAllowedValues() {
        given().queryParam("size", 5).queryParam("reason", "SAD").get("/problem-test/search")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("reason"))
                .body("errors[0].message", equalTo("must be one of [LONELINESS, LOW_MOOD]"));
        given().queryParam("size", 5).queryParam("since", "yesterday").get("/problem-test/search")
                .then().statusCode(400)
                .body("errors[0].field", equalTo("since"));
        given().queryParam("size", 5).queryParam("reason", "LOW_MOOD").queryParam("since", "2026-12-01T09:00:00Z")
                .get("/problem-test/search").then().statusCode(200);
    }

    @Test
    void pathParameterThatIsNotAUuidIsA400NamingIt() {
        given().get("/problem-test/referrals/not-a-uuid")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("id: must be a UUID"));
        given().get("/problem-test/referrals/" + java.util.UUID.randomUUID()).then().statusCode(200);
    }

    @Test
    void domainProblemsKeepTheirStatus() {
        given().get("/problem-test/missing").then().statusCode(404)
                .contentType("application/problem+json").body("detail", equalTo("Referral missing was not found"));
        given().get("/problem-test/taken").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("r-1"));
        given().get("/problem-test/no-consent").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("consent.given"));
    }

    @Test
    void unknownPathIsAProblemToo() {
        given().get("/no-such-path").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void unsupportedMediaTypeIsAProblem() {
        given().contentType(ContentType.XML).body("<a/>").post("/problem-test")
                .then().statusCode(415).contentType("application/problem+json");
    }

    @Test
    void bodyOverTheSizeLimitIsAProblemNotASilentRefusal() {
        given().contentType(ContentType.JSON).body("{\"notes\":\"" + "x".repeat(100 * 1024) + "\"}")
                .post("/problem-test")
                .then().statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Payload Too Large"));
    }

    @Test
    void unexpectedFailureLeaksNothing() {
        given().get("/problem-test/boom").then().statusCode(500)
                .contentType("application/problem+json")
                .body("title", equalTo("Internal error"))
                .body("detail", startsWith("The request could not be completed"))
                .body("detail", not(containsString("9434765919")));
    }

    @Test
    void aRequestWithoutCredentialsIs401ProblemWithABearerChallenge() {
        given().get("/problem-test/coordinators-only")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", startsWith("Bearer"))
                .body("status", equalTo(401))
                .body("instance", equalTo("/problem-test/coordinators-only"));
    }

    @Test
    @TestSecurity(user = "dr-patel", roles = "gp")
    void aRoleThatMayNotIs403Problem() {
        given().get("/problem-test/coordinators-only")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403))
                .body("title", equalTo("Forbidden"));
    }
}
