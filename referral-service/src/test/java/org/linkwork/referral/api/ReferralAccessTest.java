package org.linkwork.referral.api;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.CaseloadEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferralAccessTest {

    static final String PRACTICE = "B86002";
    static final String OTHER_PRACTICE = "Y01234";

    @Test
    void noTokenIsUnauthorised() {
        given().get("/referrals").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Referrals.body(Referrals.newNhsNumber(), PRACTICE))
                .post("/referrals").then().statusCode(401);
    }

    @Test
    void forgedOrExpiredTokenIsUnauthorised() {
        String id = refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.forgedGp(PRACTICE)).get("/referrals/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.expiredGp(PRACTICE)).get("/referrals/" + id).then().statusCode(401);
    }

    @Test
    void gpOfAnotherPracticeCannotReadTheReferralAndLearnsNothingOfThePatient() {
        String nhs = Referrals.newNhsNumber();
        String id = refer(nhs);

        given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).get("/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString(nhs)))
                .body(not(containsString("Hughes")));
        given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).get("/referrals/" + id + "/history")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).queryParam("odsCode", PRACTICE)
                .get("/referrals").then().statusCode(403);
    }

    @Test
    void gpCannotReferForAnotherPractice() {
        given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void gpListsOnlyTheirOwnPractice() {
        refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).queryParam("size", 100).get("/referrals")
                .then().statusCode(200)
                .body("items.referrer.odsCode", not(hasItem(OTHER_PRACTICE)))
                .body("items.referrer.odsCode", hasItem(PRACTICE));
    }

    @Test
    void icsAnalystAndTokensWithoutARoleGetForbiddenOnEveryPatientLevelEndpoint() {
        String id = refer(Referrals.newNhsNumber());
        for (String token : new String[] { Tokens.icsAnalyst(), Tokens.noRole() }) {
            given().auth().oauth2(token).get("/referrals/" + id).then().statusCode(403);
            given().auth().oauth2(token).get("/referrals/" + id + "/history").then().statusCode(403);
            given().auth().oauth2(token).get("/referrals").then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON)
                    .body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals").then().statusCode(403);
            given().auth().oauth2(token).post("/referrals/" + id + "/accept").then().statusCode(403);
        }
    }

    @Test
    void linkWorkerReadsOnlyTheReferralsOfTheirCases() {
        String id = refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.linkWorker("lw-amir")).get("/referrals/" + id).then().statusCode(404);

        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), "case-" + id, "lw-amir"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.linkWorker("lw-amir"))
                .get("/referrals/" + id).then().statusCode(200).body("status", equalTo("ASSIGNED")));
        given().auth().oauth2(Tokens.linkWorker("lw-bea")).get("/referrals/" + id).then().statusCode(404);
    }

    @Test
    void coordinatorReadsEveryPracticesReferrals() {
        String id = refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.coordinator("coord-1")).get("/referrals/" + id).then().statusCode(200);
    }

    @Test
    void everyReadIncludingARefusedOneIsInTheAuditTrail() {
        String nhs = Referrals.newNhsNumber();
        String id = refer(nhs);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).get("/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).get("/referrals/" + id).then().statusCode(404);

        given().auth().oauth2(Tokens.auditor()).queryParam("nhsNumber", nhs).get("/referrals/audit")
                .then().statusCode(200)
                .body("action", hasItem("referral.create"))
                .body("findAll { it.action == 'referral.read' && it.outcome == 'SUCCESS' }.actor", hasItem("dr-patel"))
                .body("findAll { it.action == 'referral.read' && it.outcome == 'DENIED' }.actor", hasItem("dr-other"));
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).queryParam("nhsNumber", nhs).get("/referrals/audit")
                .then().statusCode(403);
    }

    private static String refer(String nhs) {
        return given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(nhs, PRACTICE)).post("/referrals").then().statusCode(201).extract().path("id");
    }
}
