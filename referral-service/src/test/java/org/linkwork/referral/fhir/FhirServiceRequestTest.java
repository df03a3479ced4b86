package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirServiceRequestTest {

    static final String FHIR_JSON = "application/fhir+json";

    @Test
    void serviceRequestRoundTripsToTheSameReferralAsTheJsonApi() throws IOException {
        String nhs = Referrals.newNhsNumber();
        String body = example(nhs, "EMIS-" + UUID.randomUUID());
        FhirValidation.assertValidR4(body);
        String created = given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(body).post("/fhir/ServiceRequest")
                .then().statusCode(201).contentType(containsString(FHIR_JSON))
                .header("Location", containsString("/fhir/ServiceRequest/"))
                .body("resourceType", equalTo("ServiceRequest"))
                .body("status", equalTo("active"))
                .extract().asString();
        String id = FhirValidation.assertValid(created).getIdPart();

        FhirValidation.assertValid(given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(200)
                .body("meta.profile", hasItem("https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest"))
                .body("code.coding[0].code", equalTo("871731000000106"))
                .body("subject.reference", equalTo("Patient/" + id))
                .body("subject.identifier.system", equalTo("https://fhir.nhs.uk/Id/nhs-number"))
                .body("subject.identifier.value", equalTo(nhs))
                .body("requester.identifier.value", equalTo("B86043"))
                .body("reasonCode[0].coding[0].code", equalTo("LONELINESS"))
                .body("note.text", hasItem("Linkwork status: ACCEPTED")).extract().asString());
        FhirValidation.assertValid(given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/Patient/" + id)
                .then().statusCode(200)
                .body("meta.profile", hasItem("https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient"))
                .body("identifier[0].value", equalTo(nhs))
                .body("birthDate", equalTo("1948-03-14"))
                .body("gender", equalTo("female")).extract().asString());
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/referrals/" + id)
                .then().statusCode(200)
                .body("source", equalTo("FHIR"))
                .body("patient.familyName", equalTo("Hughes"))
                .body("patient.postcode", equalTo("LS6 2AB"))
                .body("patient.gender", equalTo("female"))
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void resendingTheSameServiceRequestReturnsTheOriginalReferral() throws IOException {
        String body = example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID());
        String first = given().auth().oauth2(Tokens.gpSystem("B86043")).contentType(FHIR_JSON).body(body)
                .post("/fhir/ServiceRequest").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.gpSystem("B86043")).contentType(FHIR_JSON).body(body)
                .post("/fhir/ServiceRequest").then().statusCode(201).body("id", equalTo(first));
    }

    @Test
    void otherCodeIsUnprocessableAsAnOperationOutcome() throws IOException {
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "x").replace("871731000000106", "183524004"))
                .post("/fhir/ServiceRequest")
                .then().statusCode(422).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("ServiceRequest.code"));
    }

    @Test
    void invalidNhsNumberIsNamedInTheOperationOutcome() throws IOException {
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example("9434765918", "x")).post("/fhir/ServiceRequest")
                .then().statusCode(422)
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem("patient.nhsNumber"));
    }

    @Test
    void missingConsentIsUnprocessable() throws IOException {
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "x").replace("\"status\": \"active\",\n      \"scope\"", "\"status\": \"rejected\",\n      \"scope\""))
                .post("/fhir/ServiceRequest")
                .then().statusCode(422).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void notFhirAtAllIsABadRequest() {
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body("{\"resourceType\": \"ServiceRequest\", \"status\": 12").post("/fhir/ServiceRequest")
                .then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void gpOfAnotherPracticeCannotReadTheServiceRequest() throws IOException {
        String id = given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID())).post("/fhir/ServiceRequest")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.gp("dr-other", "Y01234")).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(404).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void withoutATokenTheFacadeAnswers401WithABearerChallengeAndAnOperationOutcome() throws IOException {
        given().contentType(FHIR_JSON).body(example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID()))
                .post("/fhir/ServiceRequest")
                .then().statusCode(401).contentType(containsString(FHIR_JSON))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("security"));
        given().get("/fhir/ServiceRequest/" + UUID.randomUUID())
                .then().statusCode(401).contentType(containsString(FHIR_JSON))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("issue[0].code", equalTo("security"));
    }

    @Test
    void aRoleThatMayNotReferOrReadIsRefused403WithAnOperationOutcome() throws IOException {
        given().auth().oauth2(Tokens.icsAnalyst()).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID())).post("/fhir/ServiceRequest")
                .then().statusCode(403).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("security"));
        given().auth().oauth2(Tokens.nhsService()).get("/fhir/ServiceRequest/" + UUID.randomUUID())
                .then().statusCode(403).contentType(containsString(FHIR_JSON))
                .body("issue[0].code", equalTo("security"));
    }

    @Test
    void aNulCharacterInAnyElementIsABadRequestNamingIt() throws IOException {
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID()).replace("\"Hughes\"", "\"Hu\\u0000ghes\""))
                .post("/fhir/ServiceRequest")
                .then().statusCode(400).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("contained[0].name[0].family"));
    }

    @Test
    void aGenderGivenAsJsonIsKeptAndAnUnknownOneIsNamedInTheProblem() {
        String nhs = Referrals.newNhsNumber();
        String id = given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType("application/json")
                .body(Referrals.body(nhs, "B86043").replace("\"preferredContact\"", "\"gender\":\"male\",\"preferredContact\""))
                .post("/referrals").then().statusCode(201).body("patient.gender", equalTo("male")).extract().path("id");
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/Patient/" + id)
                .then().statusCode(200).body("gender", equalTo("male"));
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType("application/json")
                .body(Referrals.body(Referrals.newNhsNumber(), "B86043").replace("\"preferredContact\"", "\"gender\":\"MALE\",\"preferredContact\""))
                .post("/referrals").then().statusCode(400)
                .body("errors.field", hasItem(containsString("gender")));
    }

    @Test
    void aPatientWithoutAGenderIsUnknownInFhirAndNullInJson() throws IOException {
        String id = given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID()).replace("\"gender\": \"female\",", ""))
                .post("/fhir/ServiceRequest").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/Patient/" + id)
                .then().statusCode(200).body("gender", equalTo("unknown"));
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/referrals/" + id)
                .then().statusCode(200).body("patient.gender", equalTo(null));
    }

    @Test
    void theUkCoreEthnicCategoryExtensionIsKeptAndShownAndAnythingElseInItIsNamed() throws IOException {
        String extension = """
                "extension": [{"url": "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory",
                  "valueCodeableConcept": {"coding": [{"system": "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland",
                  "code": "%s"}]}}],
                "gender": "female",""";
        String body = example(Referrals.newNhsNumber(), "EMIS-" + UUID.randomUUID())
                .replace("\"gender\": \"female\",", extension.formatted("N"));
        FhirValidation.assertValidR4(body);
        String id = FhirValidation.assertValid(given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                .body(body).post("/fhir/ServiceRequest").then().statusCode(201).extract().asString()).getIdPart();
        given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/referrals/" + id)
                .then().statusCode(200).body("patient.ethnicCategory", equalTo("N"));
        FhirValidation.assertValid(given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/Patient/" + id)
                .then().statusCode(200)
                .body("extension[0].url", equalTo("https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory"))
                .body("extension[0].valueCodeableConcept.coding[0].code", equalTo("N")).extract().asString());

        for (String wrong : List.of("I", "white", "")) {
            String nhs = Referrals.newNhsNumber();
            given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).contentType(FHIR_JSON)
                    .body(example(nhs, "EMIS-" + UUID.randomUUID()).replace("\"gender\": \"female\",", extension.formatted(wrong)))
                    .post("/fhir/ServiceRequest").then().statusCode(422)
                    .body("resourceType", equalTo("OperationOutcome"))
                    .body("issue.expression.flatten()", hasItem("Patient.extension:ethnicCategory"));
            assertEquals(0, FhirSearchTest.searchset(Tokens.gp("dr-patel", "B86043"),
                    "/fhir/ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs).getTotal(),
                    "nothing stored for " + wrong);
        }
    }

    @Test
    void capabilityStatementDescribesTheFacade() {
        given().get("/fhir/metadata").then().statusCode(200)
                .body("resourceType", equalTo("CapabilityStatement"))
                .body("fhirVersion", equalTo("4.0.1"))
                .body("rest[0].resource[0].type", equalTo("ServiceRequest"));
    }

    private static String example(String nhsNumber, String identifier) throws IOException {
        try (InputStream in = FhirServiceRequestTest.class
                .getResourceAsStream("/META-INF/resources/fhir-examples/service-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("9434765919", nhsNumber).replace("EMIS-000123", identifier);
        }
    }
}
