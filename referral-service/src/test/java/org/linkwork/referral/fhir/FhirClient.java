package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;

import java.util.concurrent.ThreadLocalRandom;

import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

/** What the FHIR tests need around the facade: referrals made through the JSON API, fresh practices. */
final class FhirClient {

    static final String FHIR_JSON = "application/fhir+json";

    private FhirClient() {
    }

    /** A practice outside the network, of this test alone: its referrals wait at RECEIVED and no other test sees them. */
    static String newPracticeOutsideTheNetwork() {
        return "Q" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
    }

    /** @return the new referral's id */
    static String refer(String nhsNumber, String odsCode) {
        return given().auth().oauth2(Tokens.gp("dr-patel", odsCode)).contentType("application/json")
                .body(Referrals.body(nhsNumber, odsCode)).post("/referrals")
                .then().statusCode(201).extract().path("id");
    }

    /** The body of a successful FHIR read or search, checked against R4 and the UK Core rules. */
    static String validGet(String token, String path) {
        // A next link is absolute and already encoded: sent as it is.
        String json = given().urlEncodingEnabled(!path.startsWith("http")).auth().oauth2(token).get(path)
                .then().statusCode(200).extract().asString();
        FhirValidation.assertValid(json);
        return json;
    }
}
