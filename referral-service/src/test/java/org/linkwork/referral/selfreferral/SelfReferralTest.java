package org.linkwork.referral.selfreferral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class SelfReferralTest {

    /** In the network, PCN U11393 (migration V3). */
    static final String PRACTICE = "B86010";
    static final String PCN = "U11393";
    /** Each test sends from its own address (as the gateway appends it), so the per-client limit of one is not another's. */
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    EntityManager entityManager;

    static String form(String nhsNumber, String practice) {
        return """
                {"givenName":"Margaret","familyName":"Hughes","dateOfBirth":"1948-03-14","postcode":"ls6 2ab",
                 "phone":"0113 496 0000","preferredContact":"PHONE",%s"practiceOdsCode":"%s",
                 "reasons":["LONELINESS","BEREAVEMENT"],"about":"I have not been out much since my husband died.",
                 "consent":{"agreed":true,"statement":"self-referral-consent-2026-12"}}"""
                .formatted(nhsNumber == null ? "" : "\"nhsNumber\":\"" + nhsNumber + "\",", practice);
    }

    private static RequestSpecification person() {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "192.0.2." + ADDRESSES.incrementAndGet());
    }

    private static RequestSpecification coordinator(String pcn) {
        return given().auth().oauth2(Tokens.coordinator("coord-self", pcn)).contentType(ContentType.JSON);
    }

    private static String submit(String body) {
        return person().body(body).post("/self-referrals").then().statusCode(201).extract().path("id");
    }

    @Test
    void aPersonRefersThemselvesWithoutATokenAndACoordinatorTracesThemIntoAReferral() {
        String id = person().body(form(null, PRACTICE)).post("/self-referrals")
                .then().statusCode(201)
                .header("Location", containsString("/self-referrals/"))
                .body("status", equalTo("AWAITING_TRACE"))
                .body("receivedAt", notNullValue())
                .body("givenName", nullValue())
                .extract().path("id");

        coordinator(PCN).get("/self-referrals?status=AWAITING_TRACE&size=100").then().statusCode(200)
                .body("items.id", hasItem(id));
        coordinator(PCN).get("/self-referrals/" + id).then().statusCode(200)
                .body("familyName", equalTo("Hughes"))
                .body("postcode", equalTo("LS6 2AB"))
                .body("nhsNumber", nullValue())
                .body("consentStatement", equalTo("self-referral-consent-2026-12"))
                .body("reasons", equalTo(java.util.List.of("LONELINESS", "BEREAVEMENT")));

        String nhs = Referrals.newNhsNumber();
        String referral = coordinator(PCN).body("{\"nhsNumber\":\"" + nhs + "\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(201)
                .body("patient.nhsNumber", equalTo(nhs))
                .body("referrer.type", equalTo("SELF"))
                .body("referrer.odsCode", equalTo(PRACTICE))
                .body("referrer.practitionerName", nullValue())
                .body("notes", equalTo("I have not been out much since my husband died."))
                .body("status", equalTo("ACCEPTED"))
                .extract().path("id");

        coordinator(PCN).get("/self-referrals/" + id).then().statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("nhsNumber", equalTo(nhs))
                .body("referralId", equalTo(referral))
                .body("tracedBy", equalTo("coord-self"));
        coordinator(PCN).body("{\"nhsNumber\":\"" + nhs + "\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(409).contentType("application/problem+json");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(r) FROM Referral r WHERE r.patient.nhsNumber = :nhs", Long.class)
                .setParameter("nhs", nhs).getSingleResult()), "one trace, one referral");
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE aggregate_key = ?1 AND event_type = 'org.linkwork.referral.received.v1'")
                .setParameter(1, referral).getSingleResult()).longValue()), "the referral is announced like any other");
    }

    @Test
    void aFhirReaderSeesThePersonAsTheRequesterOfASelfReferral() {
        String id = submit(form(null, PRACTICE));
        String referral = coordinator(PCN).body("{\"nhsNumber\":\"" + Referrals.newNhsNumber() + "\"}")
                .post("/self-referrals/" + id + "/trace").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.coordinator("coord-self", PCN)).accept("application/fhir+json")
                .get("/fhir/ServiceRequest/" + referral).then().statusCode(200)
                .body("requester.reference", equalTo("Patient/" + referral))
                .body("requester.display", equalTo("Self-referral"))
                .body("category[0].coding[0].system", equalTo("https://fhir.linkwork.nhs.uk/CodeSystem/referrer-type"))
                .body("category[0].coding[0].code", equalTo("SELF"));
    }

    @Test
    void withoutAgreementToTheConsentStatementNothingIsStored() {
        long before = selfReferrals();
        person().body(form(null, PRACTICE).replace("\"agreed\":true", "\"agreed\":false")).post("/self-referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("consent.agreed"));
        assertEquals(before, selfReferrals());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"givenName\":\"Margaret\",|                                      | givenName",
            "\"postcode\":\"ls6 2ab\"|\"postcode\":\"not a postcode\"                | postcode",
            "\"preferredContact\":\"PHONE\",|\"preferredContact\":\"PHONE\",\"nhsNumber\":\"9434765918\",| nhsNumber",
            "\"practiceOdsCode\":\"B86010\"|\"practiceOdsCode\":\"b86010; drop\"     | practiceOdsCode",
            "[\"LONELINESS\",\"BEREAVEMENT\"]|[]                                     | reasons",
            "[\"LONELINESS\",\"BEREAVEMENT\"]|[\"LONELINESS\",\"FLYING\"]             | reasons",
            "\"dateOfBirth\":\"1948-03-14\"|\"dateOfBirth\":\"2999-01-01\"          | dateOfBirth",
            "\"statement\":\"self-referral-consent-2026-12\"|\"statement\":\"\"    | consent.statement",
            "\"phone\":\"0113 496 0000\"|\"phone\":\"call me\"                       | phone",
    })
    void eachInvalidFieldIsNamedAndNothingIsStored(String valid, String invalid, String field) {
        long before = selfReferrals();
        String body = form(null, PRACTICE).replace(valid, invalid == null ? "" : invalid);
        person().body(body).post("/self-referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(containsString(field)));
        assertEquals(before, selfReferrals());
    }

    @Test
    void aFloodFromOneAddressIsRefusedWithRetryAfterWhileOthersStillGetThrough() {
        String flooder = "198.51.100." + ADDRESSES.incrementAndGet();
        int accepted = 0;
        int status = 0;
        // Empty bodies: the limit is counted before the body is read, so refusals of bad bodies count too.
        while (accepted < 1_000) {
            status = given().contentType(ContentType.JSON).header("X-Forwarded-For", flooder).body("{}")
                    .post("/self-referrals").then().extract().statusCode();
            if (status != 400) {
                break;
            }
            accepted++;
        }
        assertEquals(429, status);
        assertTrue(accepted >= 10, "the burst allowed before the limit: " + accepted);
        given().contentType(ContentType.JSON).header("X-Forwarded-For", flooder).body(form(null, PRACTICE))
                .post("/self-referrals").then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        submit(form(null, PRACTICE));
    }

    @Test
    void onlyCoordinatorsOfThePersonsPcnReadOrTraceIt() {
        String id = submit(form(null, PRACTICE));
        given().get("/self-referrals").then().statusCode(401);
        given().get("/self-referrals/" + id).then().statusCode(401);
        given().contentType(ContentType.JSON).body("{\"nhsNumber\":\"9434765919\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(401);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/self-referrals/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.nhsService()).get("/self-referrals").then().statusCode(403);
        coordinator("U99999").get("/self-referrals/" + id).then().statusCode(404);
        coordinator("U99999").get("/self-referrals?size=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        coordinator("U99999").body("{\"nhsNumber\":\"" + Referrals.newNhsNumber() + "\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(404);
        coordinator(PCN).get("/self-referrals/" + UUID.randomUUID()).then().statusCode(404);
        coordinator(PCN).get("/self-referrals/" + id).then().statusCode(200).body("status", equalTo("AWAITING_TRACE"));
    }

    @Test
    void tracingAPersonWhoAlreadyHasAnOpenReferralIsRefusedAndTheSelfReferralKeepsWaiting() {
        String nhs = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(nhs, PRACTICE)).post("/referrals").then().statusCode(201);
        String id = submit(form(nhs, PRACTICE));
        coordinator(PCN).body("{\"nhsNumber\":\"" + nhs + "\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(409).contentType("application/problem+json");
        coordinator(PCN).get("/self-referrals/" + id).then().statusCode(200)
                .body("status", equalTo("AWAITING_TRACE"))
                .body("nhsNumber", equalTo(nhs));
        coordinator(PCN).body("{\"nhsNumber\":\"123\"}").post("/self-referrals/" + id + "/trace")
                .then().statusCode(400).body("errors[0].field", equalTo("nhsNumber"));
    }

    private long selfReferrals() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(s) FROM SelfReferral s", Long.class).getSingleResult());
    }
}
