package org.linkwork.referral.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferralIntakeTest {

    static final String PRACTICE = "B86010";
    /** The PCN of PRACTICE in the network (migration V3). */
    static final String PCN = "U11393";

    @Inject
    EntityManager entityManager;

    @Test
    void gpRefersAPatientAndTheReferralIsAcceptedAtOnce() {
        String nhs = Referrals.newNhsNumber();
        String id = asGp().body(Referrals.body(nhs, PRACTICE)).post("/referrals")
                .then().statusCode(201)
                .header("Location", containsString("/referrals/"))
                .body("status", equalTo("ACCEPTED"))
                .body("patient.nhsNumber", equalTo(nhs))
                .body("patient.postcode", equalTo("LS6 2AB"))
                .body("source", equalTo("JSON"))
                .extract().path("id");

        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("to", equalTo(java.util.List.of("RECEIVED", "ACCEPTED")))
                .body("[0].actor", equalTo("dr-patel"))
                .body("[1].actor", equalTo("system:auto-triage"));
    }

    @Test
    void referralFromAPracticeOutsideTheNetworkWaitsForACoordinator() {
        String outside = "Y01234";
        String id = given().auth().oauth2(Tokens.gp("dr-far", outside)).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), outside)).post("/referrals")
                .then().statusCode(201)
                .body("status", equalTo("RECEIVED"))
                .extract().path("id");
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).get("/referrals/" + id + "/history")
                .then().statusCode(200)
                .body("to", equalTo(java.util.List.of("RECEIVED")));

        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).post("/referrals/" + id + "/accept")
                .then().statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }

    @Test
    void gpSystemClientRefersForItsPractice() {
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals")
                .then().statusCode(201);
    }

    @Test
    void nhsServiceRefersForAnyOrganisation() {
        given().auth().oauth2(Tokens.nhsService()).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), "RR8")).post("/referrals")
                .then().statusCode(201);
    }

    @Test
    void nhsNumberWithAWrongCheckDigitIsRefusedNamingTheField() {
        asGp().body(Referrals.body("9434765918", PRACTICE)).post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("patient.nhsNumber"))
                .body("detail", containsString("Modulus 11"));
    }

    @Test
    void eachInvalidFieldIsNamed() {
        String body = Referrals.body(Referrals.newNhsNumber(), "b86001")
                .replace("ls6 2ab", "NOT A POSTCODE")
                .replace("1948-03-14", "2999-01-01")
                .replace("[\"LONELINESS\",\"LOW_MOOD\"]", "[]");
        asGp().body(body).post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("patient.postcode"))
                .body("errors.field", hasItem("patient.dateOfBirth"))
                .body("errors.field", hasItem("referrer.odsCode"))
                .body("errors.field", hasItem("reasons"));
    }

    @Test
    void unknownReasonIsABadRequest() {
        asGp().body(Referrals.body(Referrals.newNhsNumber(), PRACTICE).replace("LOW_MOOD", "BOREDOM"))
                .post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("reasons[1]"));
    }

    @Test
    void malformedJsonIsABadRequest() {
        asGp().body("{\"patient\": ").post("/referrals")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void missingConsentIsUnprocessableAndNothingIsStored() {
        String nhs = Referrals.newNhsNumber();
        asGp().body(Referrals.body(nhs, PRACTICE).replace("\"given\":true", "\"given\":false")).post("/referrals")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("consent.given"));
        assertEquals(0L, referralsOf(nhs));
    }

    @Test
    void oversizedBodyIsRefusedAsAProblem() {
        String notes = "x".repeat(300 * 1024);
        asGp().body(Referrals.body(Referrals.newNhsNumber(), PRACTICE).replace("Widowed last year", notes))
                .post("/referrals")
                .then().statusCode(413).contentType("application/problem+json");
    }

    @Test
    void secondOpenReferralForThePatientConflictsNamingTheFirst() {
        String nhs = Referrals.newNhsNumber();
        String first = asGp().body(Referrals.body(nhs, PRACTICE)).post("/referrals")
                .then().statusCode(201).extract().path("id");

        asGp().body(Referrals.body(nhs, PRACTICE)).post("/referrals")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(first));
        assertEquals(1L, referralsOf(nhs));
    }

    @Test
    void cancelledReferralCanBeFollowedByANewOneButNotCancelledTwice() {
        String nhs = Referrals.newNhsNumber();
        String id = asGp().body(Referrals.body(nhs, PRACTICE)).post("/referrals")
                .then().statusCode(201).extract().path("id");
        asGp().body("{\"reason\":\"MOVED_AWAY\",\"note\":\"Moved to Sheffield\"}").post("/referrals/" + id + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED"));

        asGp().body("{\"reason\":\"DUPLICATE\"}").post("/referrals/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
        asGp().body(Referrals.body(nhs, PRACTICE)).post("/referrals").then().statusCode(201);
    }

    @Test
    void cancellationNeedsAKnownCodedReasonAndLeavesTheReferralOpenWithoutOne() {
        String id = asGp().body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals")
                .then().statusCode(201).extract().path("id");
        for (String body : new String[] { "{\"reason\":\"Patient moved away\"}", "{\"note\":\"Moved away\"}" }) {
            asGp().body(body).post("/referrals/" + id + "/cancel")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("reason"));
        }
        asGp().get("/referrals/" + id).then().statusCode(200).body("status", equalTo("ACCEPTED"));
    }

    @Test
    void acceptingAnAcceptedReferralIsAnIllegalTransition() {
        String id = asGp().body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).post("/referrals/" + id + "/accept")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("ACCEPTED"));
    }

    @Test
    void listIsFilteredAndPaged() {
        // A practice of its own, outside the network, so its referrals stay RECEIVED.
        String ods = "C8" + String.format("%04d", System.nanoTime() % 10000);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(Tokens.gp("dr-list", ods)).contentType(ContentType.JSON)
                    .body(Referrals.body(Referrals.newNhsNumber(), ods)).post("/referrals").then().statusCode(201);
        }
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN))
                .queryParam("odsCode", ods).queryParam("status", "RECEIVED").queryParam("size", 2)
                .get("/referrals")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.size()", equalTo(2));
    }

    @Test
    void concurrentReferralsOfOnePatientCreateOneAndRefuseTheOthersWithTheSameConflict() throws Exception {
        String nhs = Referrals.newNhsNumber();
        String body = Referrals.body(nhs, PRACTICE);
        int senders = 6;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(senders);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < senders; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return asGp().body(body).post("/referrals");
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                if (response.statusCode() == 409) {
                    response.then().contentType("application/problem+json")
                            .body("detail", containsString("already has an open referral"));
                }
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "one created: " + statuses);
            assertEquals(senders - 1, statuses.stream().filter(s -> s == 409).count(), "the others refused: " + statuses);
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, referralsOf(nhs));
    }

    @Test
    void aPageBeyondTheDeepestOffsetIsABadRequestNamingThePage() {
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).queryParam("page", Integer.MAX_VALUE).queryParam("size", 100)
                .get("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("page"));
    }

    @Test
    void aNulCharacterInATextFieldIsABadRequestNamingTheField() {
        asGp().body(Referrals.body(Referrals.newNhsNumber(), PRACTICE).replace("Margaret", "Marg\\u0000aret"))
                .post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("patient.givenName"))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void aNulCharacterInAQueryParameterIsABadRequestNamingIt() {
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).urlEncodingEnabled(false).queryParam("odsCode", "B8%006")
                .get("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("odsCode"));
    }

    private RequestSpecification asGp() {
        return given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON);
    }

    private long referralsOf(String nhs) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(r) FROM Referral r WHERE r.patient.nhsNumber = :nhs", Long.class)
                .setParameter("nhs", nhs).getSingleResult());
    }
}
