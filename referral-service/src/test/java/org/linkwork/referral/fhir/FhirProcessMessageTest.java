package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.MessageHeader;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** {@code POST /fhir/$process-message}: a BaRS-style referral message makes the same referral a ServiceRequest does. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirProcessMessageTest {

    private static final String FHIR_JSON = FhirClient.FHIR_JSON;
    private static final String PROCESS_MESSAGE = "/fhir/$process-message";
    private static final String PRACTICE = "B86043";
    /** The MessageHeader id and the Bundle identifier of the published example. */
    private static final String EXAMPLE_HEADER_ID = "4c3f1a2b-8d6e-4f7a-b9c0-1d2e3f4a5b6c";
    private static final String EXAMPLE_IDENTIFIER = "urn:uuid:0b5b3c3e-6f0a-4c1e-9d8a-2a4f1c7e5d21";

    @Test
    void aReferralMessageMakesAReferralThatTheJsonApiAndTheServiceRequestSearchFind() throws IOException {
        String nhs = Referrals.newNhsNumber();
        String answer = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON)
                .body(message(nhs, newIdentifier())).post(PROCESS_MESSAGE)
                .then().statusCode(200).contentType(containsString(FHIR_JSON)).extract().asString();

        Bundle response = (Bundle) FhirValidation.assertValid(answer);
        assertEquals(Bundle.BundleType.MESSAGE, response.getType());
        MessageHeader header = assertInstanceOf(MessageHeader.class, response.getEntry().get(0).getResource());
        assertEquals(EXAMPLE_HEADER_ID, header.getResponse().getIdentifier());
        assertEquals(MessageHeader.ResponseType.OK, header.getResponse().getCode());
        Coding event = (Coding) header.getEvent();
        assertEquals("https://fhir.nhs.uk/CodeSystem/message-events-bars", event.getSystem());
        assertEquals("servicerequest-request", event.getCode());
        assertEquals("https://fhir.example-gp-system.nhs.uk/fhir", header.getDestinationFirstRep().getEndpoint());
        Bundle.BundleEntryComponent stored = response.getEntry().get(1);
        assertEquals(stored.getFullUrl(), header.getFocusFirstRep().getReference());
        String id = assertInstanceOf(ServiceRequest.class, stored.getResource()).getIdPart();
        assertTrue(stored.getFullUrl().endsWith("/fhir/ServiceRequest/" + id), stored.getFullUrl());

        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id)
                .then().statusCode(200)
                .body("source", equalTo("FHIR"))
                .body("patient.nhsNumber", equalTo(nhs))
                .body("patient.familyName", equalTo("Hughes"))
                .body("patient.gender", equalTo("female"))
                .body("referrer.odsCode", equalTo(PRACTICE))
                .body("consentRecordedAt", containsString("2026-11-20T10:15"))
                .body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE))
                .get("/fhir/ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs)
                .then().statusCode(200)
                .body("total", equalTo(1))
                .body("entry[0].resource.id", equalTo(id));
    }

    @Test
    void resendingTheSameMessageMakesOneReferralAndGetsTheSameAnswer() throws IOException {
        String nhs = Referrals.newNhsNumber();
        String body = message(nhs, newIdentifier());
        String first = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(body)
                .post(PROCESS_MESSAGE).then().statusCode(200).extract().asString();
        String second = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(body)
                .post(PROCESS_MESSAGE).then().statusCode(200).extract().asString();

        assertEquals(first, second);
        assertEquals(1, referralsOf(nhs));
    }

    @Test
    void withoutABundleIdentifierTheMessageHeaderIdMakesTheMessageIdempotent() throws IOException {
        String nhs = Referrals.newNhsNumber();
        String headerId = UUID.randomUUID().toString();
        String body = encode(edit(message(nhs, newIdentifier()), m -> {
            m.setIdentifier(null);
            m.getEntry().get(0).setFullUrl("urn:uuid:" + headerId).getResource().setId(headerId);
        }));
        String first = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(body)
                .post(PROCESS_MESSAGE).then().statusCode(200)
                .body("entry[0].resource.response.identifier", equalTo(headerId))
                .extract().path("entry[1].resource.id");
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(body)
                .post(PROCESS_MESSAGE).then().statusCode(200).body("entry[1].resource.id", equalTo(first));
        assertEquals(1, referralsOf(nhs));
    }

    @Test
    void theSameIdentifierWithAnotherReferralIsRefusedAsAReusedIdempotencyKeyIs() throws IOException {
        String identifier = newIdentifier();
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(message(Referrals.newNhsNumber(), identifier))
                .post(PROCESS_MESSAGE).then().statusCode(200);
        String other = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON).body(message(other, identifier))
                .post(PROCESS_MESSAGE)
                .then().statusCode(422).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].expression[0]", equalTo("Idempotency-Key"));
        assertEquals(0, referralsOf(other));
    }

    static Stream<Arguments> faultyMessages() {
        return Stream.of(
                Arguments.of("a Bundle that is not a message", 400, "Bundle.type",
                        (Consumer<Bundle>) m -> m.setType(Bundle.BundleType.COLLECTION)),
                Arguments.of("no MessageHeader", 400, "Bundle.entry[MessageHeader]",
                        (Consumer<Bundle>) m -> m.getEntry().remove(0)),
                Arguments.of("another event", 422, "MessageHeader.eventCoding",
                        (Consumer<Bundle>) m -> header(m).setEvent(new Coding(
                                "https://fhir.nhs.uk/CodeSystem/message-events-bars", "servicerequest-update", null))),
                Arguments.of("no source endpoint", 400, "MessageHeader.source",
                        (Consumer<Bundle>) m -> header(m).getSource().setEndpoint(null)),
                Arguments.of("no ServiceRequest", 400, "Bundle.entry[ServiceRequest]",
                        (Consumer<Bundle>) m -> m.getEntry().remove(1)),
                Arguments.of("a focus pointing nowhere", 400, "MessageHeader.focus",
                        (Consumer<Bundle>) m -> header(m).getFocusFirstRep().setReference("urn:uuid:" + UUID.randomUUID())),
                Arguments.of("no Patient", 400, "Bundle.entry[Patient]",
                        (Consumer<Bundle>) m -> m.getEntry().remove(2)),
                Arguments.of("an invalid NHS number", 422, "patient.nhsNumber",
                        (Consumer<Bundle>) m -> ((Patient) m.getEntry().get(2).getResource()).getIdentifierFirstRep()
                                .setValue("9434765918")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("faultyMessages")
    void aFaultyMessageIsRefusedNamingTheElementAndStoresNothing(String fault, int status, String element,
            Consumer<Bundle> edit) throws IOException {
        String nhs = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON)
                .body(encode(edit(message(nhs, newIdentifier()), edit))).post(PROCESS_MESSAGE)
                .then().statusCode(status).contentType(containsString(FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue.expression.flatten()", hasItem(element));
        assertEquals(0, referralsOf(nhs));
    }

    @Test
    void theOperationIsReachedWithTheDollarAsItIsOrPercentEncoded() {
        for (boolean encoded : new boolean[] { false, true }) {
            // REST Assured sends "$" as "%24" unless told not to encode; curl and HAPI's client send it as it is.
            given().urlEncodingEnabled(encoded).auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON)
                    .body("{\"resourceType\": \"Bundle\", \"type\": \"collection\"}").post(PROCESS_MESSAGE)
                    .then().statusCode(400).body("issue[0].expression[0]", equalTo("Bundle.type"));
        }
    }

    @Test
    void notFhirAtAllIsABadRequest() {
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(FHIR_JSON)
                .body("{\"resourceType\": \"Bundle\", \"type\": 12").post(PROCESS_MESSAGE)
                .then().statusCode(400).body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void withoutATokenItIs401AndARoleThatMayNotReferIs403() throws IOException {
        String nhs = Referrals.newNhsNumber();
        given().contentType(FHIR_JSON).body(message(nhs, newIdentifier())).post(PROCESS_MESSAGE)
                .then().statusCode(401).contentType(containsString(FHIR_JSON))
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("issue[0].code", equalTo("security"));
        given().auth().oauth2(Tokens.coordinator("coord", "U12345")).contentType(FHIR_JSON)
                .body(message(nhs, newIdentifier())).post(PROCESS_MESSAGE)
                .then().statusCode(403).contentType(containsString(FHIR_JSON))
                .body("issue[0].code", equalTo("security"));
        assertEquals(0, referralsOf(nhs));
    }

    @Test
    void aGpSystemReferringForAnotherPracticeIsRefusedAsTheServiceRequestCreateRefusesIt() throws IOException {
        String nhs = Referrals.newNhsNumber();
        String refusedCreate = given().auth().oauth2(Tokens.gpSystem("Y01234")).contentType(FHIR_JSON)
                .body(serviceRequestAlone(nhs)).post("/fhir/ServiceRequest")
                .then().statusCode(403).extract().path("issue[0].diagnostics");
        given().auth().oauth2(Tokens.gpSystem("Y01234")).contentType(FHIR_JSON).body(message(nhs, newIdentifier()))
                .post(PROCESS_MESSAGE)
                .then().statusCode(403).contentType(containsString(FHIR_JSON))
                .body("issue[0].code", equalTo("security"))
                .body("issue[0].diagnostics", equalTo(refusedCreate));
        assertEquals(0, referralsOf(nhs));
    }

    @Test
    void anNhsServiceMayReferForAnyPractice() throws IOException {
        given().auth().oauth2(Tokens.nhsService()).contentType(FHIR_JSON)
                .body(message(Referrals.newNhsNumber(), newIdentifier())).post(PROCESS_MESSAGE)
                .then().statusCode(200).body("entry[0].resource.response.code", equalTo("ok"));
    }

    /** The number of referrals of the patient that the practice's GP finds. */
    private static int referralsOf(String nhsNumber) {
        return given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE))
                .get("/fhir/ServiceRequest?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhsNumber)
                .then().statusCode(200).extract().path("total");
    }

    private static String newIdentifier() {
        return "urn:uuid:" + UUID.randomUUID();
    }

    /** The published example message, for this patient and with this Bundle identifier. */
    private static String message(String nhsNumber, String identifier) throws IOException {
        try (InputStream in = FhirProcessMessageTest.class
                .getResourceAsStream("/META-INF/resources/fhir-examples/process-message.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("9434765919", nhsNumber).replace(EXAMPLE_IDENTIFIER, identifier);
        }
    }

    /** The published example ServiceRequest, sent on its own, for this patient. */
    private static String serviceRequestAlone(String nhsNumber) throws IOException {
        try (InputStream in = FhirProcessMessageTest.class
                .getResourceAsStream("/META-INF/resources/fhir-examples/service-request.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("9434765919", nhsNumber)
                    .replace("EMIS-000123", "EMIS-" + UUID.randomUUID());
        }
    }

    private static MessageHeader header(Bundle message) {
        return (MessageHeader) message.getEntry().get(0).getResource();
    }

    private static Bundle edit(String message, Consumer<Bundle> edit) {
        Bundle bundle = parse(message);
        edit.accept(bundle);
        return bundle;
    }

    private static Bundle parse(String json) {
        return FhirValidation.FHIR.newJsonParser().parseResource(Bundle.class, json);
    }

    private static String encode(Resource resource) {
        return FhirValidation.FHIR.newJsonParser().encodeResourceToString(resource);
    }
}
