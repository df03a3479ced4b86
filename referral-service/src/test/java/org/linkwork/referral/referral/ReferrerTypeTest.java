package org.linkwork.referral.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferrerTypeTest {

    static final String PRACTICE = "B86010";

    @Inject
    EntityManager entityManager;

    private static String body(String nhs, String type) {
        return Referrals.body(nhs, PRACTICE).replace("\"practitionerRole\":\"GP\"",
                "\"practitionerRole\":\"GP\"" + (type == null ? "" : ",\"type\":\"" + type + "\""));
    }

    @Test
    void aGpSystemsReferralIsFromAGpPracticeInJsonAndFhir() {
        String id = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), null)).post("/referrals")
                .then().statusCode(201).body("referrer.type", equalTo("GP_PRACTICE")).extract().path("id");
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).accept("application/fhir+json")
                .get("/fhir/ServiceRequest/" + id).then().statusCode(200)
                .body("category[0].coding[0].code", equalTo("GP_PRACTICE"))
                .body("requester.identifier.value", equalTo(PRACTICE));
    }

    @Test
    void anNhsServiceIsAnotherNhsServiceUnlessItRefersForALocalAuthorityOrVcse() {
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), null)).post("/referrals")
                .then().statusCode(201).body("referrer.type", equalTo("OTHER_NHS_SERVICE"));
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), "LOCAL_AUTHORITY")).post("/referrals")
                .then().statusCode(201).body("referrer.type", equalTo("LOCAL_AUTHORITY"));
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), "VCSE")).post("/referrals")
                .then().statusCode(201).body("referrer.type", equalTo("VCSE"));
    }

    @ParameterizedTest
    @ValueSource(strings = { "VCSE", "OTHER_NHS_SERVICE", "SELF" })
    void aGpSystemMayNotReferAsAnotherKindAndNothingIsStored(String type) {
        String nhs = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON).body(body(nhs, type))
                .post("/referrals").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("referrer.type"));
        assertEquals(0L, referralsOf(nhs));
    }

    @Test
    void noOneRefersAsSelfThroughTheReferralApiAndAnUnknownTypeIsNamed() {
        String nhs = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON).body(body(nhs, "SELF"))
                .post("/referrals").then().statusCode(422).body("errors[0].field", equalTo("referrer.type"));
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON).body(body(nhs, "CHARITY"))
                .post("/referrals").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("referrer.type"));
        assertEquals(0L, referralsOf(nhs));
    }

    private long referralsOf(String nhs) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(r) FROM Referral r WHERE r.patient.nhsNumber = :nhs", Long.class)
                .setParameter("nhs", nhs).getSingleResult());
    }
}
