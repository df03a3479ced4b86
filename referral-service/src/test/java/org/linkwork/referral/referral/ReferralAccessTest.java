package org.linkwork.referral.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
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
    /** PRACTICE's PCN (Beeston) in migration V3, and a PCN of the network it is not in (Armley). */
    static final String PCN = "U16878";
    static final String OTHER_PCN = "U92581";

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

        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), UUID.randomUUID().toString(), "lw-amir"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.linkWorker("lw-amir"))
                .get("/referrals/" + id).then().statusCode(200).body("status", equalTo("ASSIGNED")));
        given().auth().oauth2(Tokens.linkWorker("lw-bea")).get("/referrals/" + id).then().statusCode(404);
    }

    @Test
    void coordinatorOfTheReferringPracticesPcnReadsListsAndCancelsIt() {
        String id = refer(Referrals.newNhsNumber());
        String coordinator = Tokens.coordinator("coord-own", PCN);
        given().auth().oauth2(coordinator).get("/referrals/" + id).then().statusCode(200);
        given().auth().oauth2(coordinator).get("/referrals/" + id + "/history").then().statusCode(200);
        given().auth().oauth2(coordinator).get("/fhir/ServiceRequest/" + id).then().statusCode(200)
                .body("resourceType", equalTo("ServiceRequest"));
        given().auth().oauth2(coordinator).queryParam("odsCode", PRACTICE).queryParam("size", 100).get("/referrals")
                .then().statusCode(200).body("items.id", hasItem(id));
        given().auth().oauth2(coordinator).contentType(ContentType.JSON).body("{\"reason\":\"DUPLICATE\"}")
                .post("/referrals/" + id + "/cancel").then().statusCode(200).body("status", equalTo("CANCELLED"));
    }

    @Test
    void coordinatorOfAnotherPcnCannotReadListOrTriageTheReferralAndLearnsNothingOfThePatient() {
        String nhs = Referrals.newNhsNumber();
        String id = refer(nhs);
        String other = Tokens.coordinator("coord-other", OTHER_PCN);

        given().auth().oauth2(other).get("/referrals/" + id)
                .then().statusCode(404).contentType("application/problem+json")
                .body(not(containsString(nhs))).body(not(containsString("Hughes")));
        given().auth().oauth2(other).get("/referrals/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(other).get("/fhir/ServiceRequest/" + id).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome")).body(not(containsString(nhs)));
        for (String filter : new String[] { PRACTICE, null }) {
            var list = given().auth().oauth2(other).queryParam("size", 100);
            if (filter != null) {
                list.queryParam("odsCode", filter);
            }
            list.get("/referrals").then().statusCode(200)
                    .body("items.id", not(hasItem(id)))
                    .body("items.referrer.odsCode", not(hasItem(PRACTICE)));
        }
        given().auth().oauth2(other).post("/referrals/" + id + "/accept").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"reason\":\"OUT_OF_AREA\"}")
                .post("/referrals/" + id + "/reject").then().statusCode(404);
        given().auth().oauth2(other).contentType(ContentType.JSON).body("{\"reason\":\"DUPLICATE\"}")
                .post("/referrals/" + id + "/cancel").then().statusCode(404);

        given().auth().oauth2(Tokens.coordinator("coord-own", PCN)).get("/referrals/" + id)
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.auditor()).queryParam("nhsNumber", nhs).get("/referrals/audit").then()
                .body("findAll { it.actor == 'coord-other' && it.outcome == 'DENIED' }.action",
                        hasItems("referral.read", "referral.history.read", "referral.fhir.read", "referral.accept",
                                "referral.reject", "referral.cancel"));
    }

    @Test
    void aReferralFromOutsideTheNetworkWaitsForAnyCoordinatorsTriage() {
        String nhs = Referrals.newNhsNumber();
        String id = given().auth().oauth2(Tokens.gp("dr-other", OTHER_PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(nhs, OTHER_PRACTICE)).post("/referrals").then().statusCode(201)
                .body("status", equalTo("RECEIVED")).extract().path("id");
        for (String pcn : new String[] { PCN, OTHER_PCN }) {
            String coordinator = Tokens.coordinator("coord-" + pcn, pcn);
            given().auth().oauth2(coordinator).get("/referrals/" + id).then().statusCode(200);
            given().auth().oauth2(coordinator).queryParam("status", "RECEIVED").queryParam("odsCode", OTHER_PRACTICE)
                    .queryParam("size", 100).get("/referrals").then().statusCode(200).body("items.id", hasItem(id));
        }
        given().auth().oauth2(Tokens.coordinator("coord-" + OTHER_PCN, OTHER_PCN)).contentType(ContentType.JSON)
                .body("{\"reason\":\"OUT_OF_AREA\"}").post("/referrals/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
    }

    @Test
    void aCoordinatorTokenWithoutAPcnHasNoScope() {
        String id = refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.coordinatorWithoutPcn("coord-nowhere")).get("/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.coordinatorWithoutPcn("coord-nowhere")).get("/referrals/" + id)
                .then().statusCode(404);
    }

    @Test
    void aGpTokenWithoutAnOdsClaimListsNoReferrals() {
        refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).get("/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token carries no ods claim"));
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).queryParam("odsCode", PRACTICE).get("/referrals")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.gpLinkWorkerWithoutOds("dr-lw-nowhere")).get("/referrals")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("The token carries no ods claim"));
    }

    @Test
    void aGpTokenWithoutAnOdsClaimReadsNoPracticesReferral() {
        String id = refer(Referrals.newNhsNumber());
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).get("/referrals/" + id).then().statusCode(404);
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).get("/referrals/" + id + "/history")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).get("/fhir/ServiceRequest/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.gpWithoutOds("dr-nowhere")).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals").then().statusCode(403);
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
