package org.linkwork.referral.gprecord;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.referral.testing.CaseloadEvents;
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

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class GpRecordUpdatesTest {

    /** In the network (auto-accepted), PCN U11393. */
    private static final String PRACTICE = "B86010";
    private static final String PCN = "U11393";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    GpRecordUpdateRepository updates;

    private static String refer(String practice) {
        return given().auth().oauth2(Tokens.gp("dr-patel", practice)).contentType(ContentType.JSON)
                .body(Referrals.body(Referrals.newNhsNumber(), practice)).post("/referrals")
                .then().statusCode(201).extract().path("id");
    }

    private List<GpRecordConcept> concepts(String referral, int expected) {
        await().atMost(Duration.ofSeconds(30)).until(() -> stored(referral).size() >= expected);
        return stored(referral);
    }

    private List<GpRecordConcept> stored(String referral) {
        return QuarkusTransaction.requiringNew().call(() -> updates
                .find("referralId = ?1 ORDER BY recordedAt", UUID.fromString(referral)).stream()
                .map(u -> u.concept).toList());
    }

    @Test
    void eachStepTheGpRecordShouldShowIsOneCodedUpdateOnGpRecordEventsInOrder() throws IOException {
        String referral = refer(PRACTICE);
        UUID id = UUID.fromString(referral);
        String caseId = UUID.randomUUID().toString();
        CloudEvent prescribed = CaseloadEvents.activityPrescribed(id, caseId, UUID.randomUUID());
        CloudEvent contact = CaseloadEvents.contactRecorded(id, caseId, true);
        CaseloadEvents.send(CaseloadEvents.assigned(id, caseId, "lw-amira"), contact, prescribed,
                CaseloadEvents.activityPrescribed(id, caseId, UUID.randomUUID()));
        assertEquals(List.of(GpRecordConcept.REFERRED, GpRecordConcept.ACCEPTED, GpRecordConcept.FIRST_CONTACT,
                GpRecordConcept.SOCIAL_PRESCRIPTION_GIVEN, GpRecordConcept.SOCIAL_PRESCRIPTION_GIVEN),
                concepts(referral, 5), "assignment is not for the GP record; each prescription is");
        // Redelivered events, as Kafka may deliver them, add nothing.
        CaseloadEvents.send(prescribed, contact, CaseloadEvents.closed(id, caseId, "GOALS_MET"));
        assertEquals(GpRecordConcept.COMPLETED, concepts(referral, 6).get(5));

        List<ConsumerRecord<String, String>> records = EventTopics.eventsOf("gp-record-events", referral, 6);
        assertEquals(6, records.size(), "one event per update, none for the redelivered ones");
        for (ConsumerRecord<String, String> record : records) {
            assertEquals("org.linkwork.gp-record.update-recorded.v1", EventTopics.header(record, "ce_type"));
            EventSchemas.assertValid("org.linkwork.gp-record.update-recorded.v1", record.value());
        }
        JsonNode referred = JSON.readTree(records.get(0).value());
        assertEquals("REFERRED", referred.get("concept").asText());
        assertEquals("http://snomed.info/sct", referred.at("/code/system").asText());
        assertEquals("871731000000106", referred.at("/code/code").asText());
        assertEquals(PRACTICE, referred.get("odsCode").asText());
        assertEquals(List.of("REFERRED", "ACCEPTED", "FIRST_CONTACT", "SOCIAL_PRESCRIPTION_GIVEN",
                "SOCIAL_PRESCRIPTION_GIVEN", "COMPLETED"), records.stream().map(r -> concept(r.value())).toList());
        assertEquals(6, stored(referral).size());
    }

    @Test
    void aPatientWhoDeclinesIsCodedSocialPrescribingDeclined() {
        String referral = refer(PRACTICE);
        UUID id = UUID.fromString(referral);
        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(id, caseId, "lw-amira"), CaseloadEvents.closed(id, caseId, "PATIENT_DECLINED"));
        assertEquals(GpRecordConcept.PATIENT_DECLINED, concepts(referral, 3).get(2));
        GpRecordUpdate declined = QuarkusTransaction.requiringNew().call(() -> updates
                .find("referralId = ?1 AND concept = ?2", id, GpRecordConcept.PATIENT_DECLINED).singleResult());
        assertEquals("http://snomed.info/sct", declined.codeSystem);
        assertEquals("871711000000103", declined.code);
        assertEquals("Social prescribing declined", declined.display);
    }

    @Test
    void aRejectionAndACancellationCarryTheirCodedReasons() {
        String outside = "Y04321";
        String rejected = refer(outside);
        given().auth().oauth2(Tokens.coordinator("coord-1", PCN)).contentType(ContentType.JSON)
                .body("{\"reason\":\"OUT_OF_AREA\"}").post("/referrals/" + rejected + "/reject").then().statusCode(200);
        String cancelled = refer(PRACTICE);
        given().auth().oauth2(Tokens.gp("dr-patel", PRACTICE)).contentType(ContentType.JSON)
                .body("{\"reason\":\"MOVED_AWAY\"}").post("/referrals/" + cancelled + "/cancel").then().statusCode(200);

        assertEquals(List.of(GpRecordConcept.REFERRED, GpRecordConcept.REJECTED), concepts(rejected, 2));
        assertEquals(List.of(GpRecordConcept.REFERRED, GpRecordConcept.ACCEPTED, GpRecordConcept.CANCELLED),
                concepts(cancelled, 3));
        assertEquals("OUT_OF_AREA", reason(rejected, GpRecordConcept.REJECTED));
        assertEquals("MOVED_AWAY", reason(cancelled, GpRecordConcept.CANCELLED));
    }

    private String reason(String referral, GpRecordConcept concept) {
        return QuarkusTransaction.requiringNew().call(() -> updates
                .find("referralId = ?1 AND concept = ?2", UUID.fromString(referral), concept).singleResult().reason);
    }

    private static String concept(String json) {
        try {
            return JSON.readTree(json).get("concept").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
