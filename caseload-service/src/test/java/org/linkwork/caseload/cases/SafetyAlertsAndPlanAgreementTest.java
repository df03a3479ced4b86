package org.linkwork.caseload.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
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

/** The PRSB items a case receives with its referral, its audited safety alerts, and the coded plan agreement. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class SafetyAlertsAndPlanAgreementTest {

    static final String PCN = "U96282";
    static final String PLAN = """
            {"whatMattersToMe":"Seeing people again","goals":[{"domain":"CONNECTION","description":"Join a group"}],
             "agreedActions":"Try the Tuesday walk","reviewDate":"2027-01-15"%s}""";

    @Inject
    EntityManager entityManager;

    @Test
    void theAssignedLinkWorkerSeesHowManyAlertsThereAreAndEachReadOfThemIsAudited() {
        String worker = CaseloadFixtures.uniqueUsername("lw-alerts");
        CaseloadFixtures.addWorker(PCN, worker, 50);
        Map<String, Object> opened = open("""
                ,"carerStatus":"CARER","livingSituation":"LIVES_ALONE","safetyAlerts":[
                {"category":"ANIMALS_AT_ADDRESS","note":"Large dog"},{"category":"RISK_TO_LONE_WORKER","note":null}]""");
        String caseId = (String) opened.get("id");
        String assigned = (String) ((Map<?, ?>) opened.get("linkWorker")).get("username");
        String token = Tokens.linkWorker(assigned, PCN);

        given().auth().oauth2(token).get("/cases/" + caseId).then().statusCode(200)
                .body("safetyAlertCount", equalTo(2))
                .body("patient.carerStatus", equalTo("CARER"))
                .body("patient.livingSituation", equalTo("LIVES_ALONE"));
        given().auth().oauth2(token).get("/cases/" + caseId + "/safety-alerts").then().statusCode(200)
                .body("category", equalTo(List.of("ANIMALS_AT_ADDRESS", "RISK_TO_LONE_WORKER")))
                .body("[0].note", equalTo("Large dog"))
                .body("[1].note", nullValue());
        given().auth().oauth2(Tokens.coordinator(PCN)).get("/cases/" + caseId + "/safety-alerts").then().statusCode(200);
        assertEquals(1L, audits(caseId, "SUCCESS", assigned));

        String other = CaseloadFixtures.uniqueUsername("lw-other");
        given().auth().oauth2(Tokens.linkWorker(other, PCN)).get("/cases/" + caseId + "/safety-alerts")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals(1L, audits(caseId, "DENIED", other), "a refused read is audited too");
        given().auth().oauth2(Tokens.coordinator("U11393")).get("/cases/" + caseId + "/safety-alerts")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.gp()).get("/cases/" + caseId + "/safety-alerts").then().statusCode(403);
        given().get("/cases/" + caseId + "/safety-alerts").then().statusCode(401);
    }

    @Test
    void aCaseWhoseReferralSentNoAlertsHasNone() {
        CaseloadFixtures.addWorker(PCN, CaseloadFixtures.uniqueUsername("lw-none"), 50);
        Map<String, Object> opened = open("");
        String caseId = (String) opened.get("id");
        assertEquals(0, opened.get("safetyAlertCount"));
        assertEquals(null, ((Map<?, ?>) opened.get("patient")).get("carerStatus"));
        given().auth().oauth2(Tokens.coordinator(PCN)).get("/cases/" + caseId + "/safety-alerts").then().statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void thePlanAgreedIsRecordedOnceCodedAndAnnouncedOnce() throws Exception {
        CaseloadFixtures.addWorker(PCN, CaseloadFixtures.uniqueUsername("lw-plan"), 50);
        Map<String, Object> opened = open("");
        String caseId = (String) opened.get("id");
        String token = Tokens.linkWorker((String) ((Map<?, ?>) opened.get("linkWorker")).get("username"), PCN);

        given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN.formatted(""))
                .put("/cases/" + caseId + "/plan").then().statusCode(200).body("agreedAt", nullValue());
        String agreedAt = given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN.formatted(",\"agreed\":true"))
                .put("/cases/" + caseId + "/plan").then().statusCode(200).body("agreedAt", notNullValue())
                .extract().path("agreedAt");
        // Saved again, agreed or not: the first agreement stands and is not announced twice.
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN.formatted(",\"agreed\":true"))
                .put("/cases/" + caseId + "/plan").then().statusCode(200).body("agreedAt", equalTo(agreedAt));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN.formatted(",\"agreed\":false"))
                .put("/cases/" + caseId + "/plan").then().statusCode(200).body("agreedAt", equalTo(agreedAt));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(PLAN.formatted(",\"agreed\":\"yes\""))
                .put("/cases/" + caseId + "/plan").then().statusCode(400).body("errors[0].field", equalTo("agreed"));

        List<ConsumerRecord<String, String>> agreements = EventTopics.eventsOf("caseload-events", caseId, 2).stream()
                .filter(e -> "org.linkwork.case.plan-agreed.v1".equals(EventTopics.header(e, "ce_type"))).toList();
        assertEquals(1, agreements.size(), "announced once");
        EventSchemas.assertValid("org.linkwork.case.plan-agreed.v1", agreements.get(0).value());
        JsonNode data = new ObjectMapper().readTree(agreements.get(0).value());
        assertEquals("plan-agreed", data.at("/code/code").asText());
        assertEquals(OffsetDateTime.parse(agreedAt).toInstant(), OffsetDateTime.parse(data.get("agreedAt").asText()).toInstant());
    }

    /** Opens a case in {@link #PCN} from an accepted referral whose patient carries the extra members given. */
    private Map<String, Object> open(String patientMembers) {
        UUID referralId = UUID.randomUUID();
        String ods = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT ods_code FROM practice WHERE pcn_code = ?1 ORDER BY ods_code LIMIT 1")
                .setParameter(1, PCN).getSingleResult());
        CloudEvent accepted = CaseloadFixtures.accepted(referralId, ods, "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null);
        CloudEvent withItems = new CloudEvent(accepted.id(), accepted.source(), accepted.type(), accepted.subject(),
                accepted.time(), accepted.dataContentType(),
                accepted.data().replace("\"accessibilityNeeds\":null}", "\"accessibilityNeeds\":null" + patientMembers + "}"));
        CaseloadFixtures.publish(withItems);
        return CaseloadFixtures.awaitCase(PCN, referralId);
    }

    private long audits(String caseId, String outcome, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE resource_id = ?1 AND action = 'case.safety-alerts.read' "
                        + "AND outcome = ?2 AND actor = ?3")
                .setParameter(1, caseId).setParameter(2, outcome).setParameter(3, actor)
                .getSingleResult()).longValue());
    }
}
