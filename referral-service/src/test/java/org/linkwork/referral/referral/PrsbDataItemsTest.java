package org.linkwork.referral.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.events.ReferralEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

/** The PRSB social prescribing standard's items a referrer may send: kept, shown, announced, and refused when wrong. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class PrsbDataItemsTest {

    static final String PRACTICE = "B86011";
    static final ObjectMapper JSON = new ObjectMapper();
    static final String ITEMS = """
            "sex":"FEMALE","ethnicCategory":"H","carerStatus":"CARER","livingSituation":"LIVES_ALONE",\
            "lsoaCode":"E01011268\"""";
    static final String ALERTS = """
            "safetyAlerts":[{"category":"ANIMALS_AT_ADDRESS","note":"Large dog; ask for it to be shut away"},\
            {"category":"RISK_TO_LONE_WORKER"}]""";

    @Inject
    EntityManager entityManager;

    /** The standard body with patient items and top-level members added. */
    static String body(String nhs, String patientItems, String topLevel) {
        String body = Referrals.body(nhs, PRACTICE);
        if (patientItems != null) {
            body = body.replace("\"interpreterLanguage\":\"Welsh\"}", "\"interpreterLanguage\":\"Welsh\"," + patientItems + "}");
        }
        if (topLevel != null) {
            body = body.substring(0, body.lastIndexOf('}')) + "," + topLevel + "}";
        }
        return body;
    }

    @Test
    void everyItemSentIsKeptShownToTheReferrerAndCarriedByTheEvents() throws Exception {
        String id = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), ITEMS, ALERTS)).post("/referrals")
                .then().statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).get("/referrals/" + id).then().statusCode(200)
                .body("patient.sex", equalTo("FEMALE"))
                .body("patient.ethnicCategory", equalTo("H"))
                .body("patient.carerStatus", equalTo("CARER"))
                .body("patient.livingSituation", equalTo("LIVES_ALONE"))
                .body("patient.lsoaCode", equalTo("E01011268"))
                .body("patient.safetyAlerts.category", equalTo(List.of("ANIMALS_AT_ADDRESS", "RISK_TO_LONE_WORKER")))
                .body("patient.safetyAlerts[0].note", equalTo("Large dog; ask for it to be shut away"))
                .body("patient.safetyAlerts[1].note", nullValue());

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(ReferralEvents.TOPIC, id, 2);
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
        JsonNode received = JSON.readTree(events.get(0).value()).get("patient");
        assertEquals("FEMALE", received.get("sex").asText());
        assertEquals("H", received.get("ethnicCategory").asText());
        assertEquals("E01011268", received.get("lsoaCode").asText());
        assertTrue(received.path("safetyAlerts").isMissingNode(), "outcomes is never told of safety alerts");
        JsonNode accepted = JSON.readTree(events.get(1).value()).get("patient");
        assertEquals("LIVES_ALONE", accepted.get("livingSituation").asText());
        assertEquals("RISK_TO_LONE_WORKER", accepted.at("/safetyAlerts/1/category").asText());
    }

    @Test
    void aReferralWithoutTheItemsIsReceivedAsBeforeAndItsEventsStillMatchTheirSchemas() throws Exception {
        String id = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(Referrals.newNhsNumber(), null, null)).post("/referrals")
                .then().statusCode(201).body("patient.sex", nullValue()).body("patient.ethnicCategory", nullValue())
                .body("patient.lsoaCode", nullValue()).body("patient.safetyAlerts", equalTo(List.of()))
                .extract().path("id");
        for (ConsumerRecord<String, String> event : EventTopics.eventsOf(ReferralEvents.TOPIC, id, 2)) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
    }

    @Test
    void aRetryWithTheSameItemsIsTheSameReferral() {
        String nhs = Referrals.newNhsNumber();
        String key = "prsb-" + UUID.randomUUID();
        String first = given().auth().oauth2(Tokens.gpSystem(PRACTICE)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(nhs, ITEMS, ALERTS)).post("/referrals")
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).header("Idempotency-Key", key)
                .contentType(ContentType.JSON).body(body(nhs, ITEMS, ALERTS)).post("/referrals")
                .then().statusCode(201).body("id", equalTo(first));
        assertEquals(1L, referralsOf(nhs));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "patient.sex | \"sex\":\"F\" |",
            "patient.ethnicCategory | \"ethnicCategory\":\"I\" |",
            "patient.ethnicCategory | \"ethnicCategory\":7 |",
            "patient.carerStatus | \"carerStatus\":\"YES\" |",
            "patient.livingSituation | \"livingSituation\":\"ALONE\" |",
            "patient.lsoaCode | \"lsoaCode\":\"W01000001\" |",
            "patient.lsoaCode | \"lsoaCode\":\"E0101126\" |",
            "safetyAlerts[0].category | | \"safetyAlerts\":[{\"category\":\"DOG\"}]",
            "safetyAlerts[0].category | | \"safetyAlerts\":[{\"note\":\"no category\"}]",
            "safetyAlerts[0] | | \"safetyAlerts\":[null]",
            "safetyAlerts | | \"safetyAlerts\":{\"category\":\"OTHER\"}",
    })
    void aWrongItemIsRefusedNamingItsFieldAndNothingIsStored(String field, String patientItems, String topLevel) {
        String nhs = Referrals.newNhsNumber();
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(nhs, patientItems, topLevel)).post("/referrals")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
        assertEquals(0L, referralsOf(nhs));
    }

    @Test
    void tooManyOrTooLongAlertsAreRefusedNamingTheField() {
        String nhs = Referrals.newNhsNumber();
        String eleven = "\"safetyAlerts\":[" + String.join(",", java.util.Collections.nCopies(11, "{\"category\":\"OTHER\"}")) + "]";
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(nhs, null, eleven)).post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("safetyAlerts"));
        String longNote = "\"safetyAlerts\":[{\"category\":\"OTHER\",\"note\":\"" + "x".repeat(501) + "\"}]";
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).contentType(ContentType.JSON)
                .body(body(nhs, null, longNote)).post("/referrals")
                .then().statusCode(400).body("errors[0].field", equalTo("safetyAlerts[0].note"));
        assertEquals(0L, referralsOf(nhs));
    }

    private long referralsOf(String nhs) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createQuery("SELECT count(r) FROM Referral r WHERE r.patient.nhsNumber = :nhs", Long.class)
                .setParameter("nhs", nhs).getSingleResult());
    }
}
