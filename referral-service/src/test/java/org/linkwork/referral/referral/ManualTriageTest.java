package org.linkwork.referral.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.events.ReferralEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@TestProfile(ManualTriageTest.CoordinatorTriage.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ManualTriageTest {

    static final String PRACTICE = "B86004";
    /** The PCN of PRACTICE in the network (migration V3). */
    static final String PCN = "U61505";

    public static class CoordinatorTriage implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.triage.auto-accept", "false");
        }
    }

    @Test
    void referralWaitsForACoordinatorWhoAcceptsIt() {
        String id = refer();
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).post("/referrals/" + id + "/accept")
                .then().statusCode(200).body("status", equalTo("ACCEPTED"));
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).get("/referrals/" + id + "/history")
                .then().body("[1].actor", equalTo("coord-1"));
    }

    @Test
    void coordinatorRejectsWithACodedReasonAndCannotThenAccept() throws Exception {
        String id = refer();
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).contentType(ContentType.JSON)
                .body("{\"reason\":\"OUT_OF_AREA\",\"note\":\"Registered outside the network\"}")
                .post("/referrals/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"));
        var events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 2);
        assertEquals(ReferralChange.Rejected.TYPE, EventTopics.header(events.get(1), "ce_type"));
        EventSchemas.assertValid(ReferralChange.Rejected.TYPE, events.get(1).value());
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).post("/referrals/" + id + "/accept")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void rejectionNeedsAKnownReason() {
        String id = refer();
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).contentType(ContentType.JSON)
                .body("{\"reason\":\"DONT_LIKE_IT\"}").post("/referrals/" + id + "/reject")
                .then().statusCode(400).body("errors[0].field", equalTo("reason"));
    }

    @Test
    void gpCannotTriage() {
        String id = refer();
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).post("/referrals/" + id + "/accept")
                .then().statusCode(403);
    }

    private static String refer() {
        return given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), PRACTICE)).post("/referrals")
                .then().statusCode(201).body("status", equalTo("RECEIVED")).extract().path("id");
    }
}
