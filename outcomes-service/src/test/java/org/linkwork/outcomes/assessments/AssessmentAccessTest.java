package org.linkwork.outcomes.assessments;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentAccessTest {

    static final String PCN = "U84543";

    @Test
    void aLinkWorkerRecordsAssessmentsOnlyForTheirOwnCases() {
        UUID mine = CaseAssignments.assignedCase("lw-own", PCN);
        String colleague = RealmTokens.user("lw-other", "link-worker", Map.of("pcn", PCN));

        given().auth().oauth2(colleague).contentType(ContentType.JSON).body(ucla3(mine))
                .post("/outcomes/assessments").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(colleague).get("/outcomes/cases/" + mine).then().statusCode(404);
        given().auth().oauth2(RealmTokens.user("lw-own", "link-worker", Map.of("pcn", PCN))).contentType(ContentType.JSON)
                .body(ucla3(mine)).post("/outcomes/assessments").then().statusCode(201);
    }

    @Test
    void aReassignedCaseMovesToItsNewWorker() {
        UUID caseId = CaseAssignments.assignedCase("lw-before", PCN);
        EventTopics.publish("caseload-events",
                CaseAssignments.assigned(caseId, "lw-after", PCN, OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(1)));

        await().atMost(Duration.ofSeconds(30)).until(() -> given()
                .auth().oauth2(RealmTokens.user("lw-after", "link-worker", Map.of("pcn", PCN)))
                .get("/outcomes/cases/" + caseId).statusCode() == 200);
        given().auth().oauth2(RealmTokens.user("lw-before", "link-worker", Map.of("pcn", PCN)))
                .get("/outcomes/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void aCoordinatorReadsTheirPcnsCasesOnly() {
        UUID caseId = CaseAssignments.assignedCase("lw-coord", PCN);
        given().auth().oauth2(RealmTokens.user("coord", "coordinator", Map.of("pcn", PCN)))
                .get("/outcomes/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(RealmTokens.user("coord-x", "coordinator", Map.of("pcn", "U99999")))
                .get("/outcomes/cases/" + caseId).then().statusCode(404);
    }

    @Test
    void icsAnalystsGpsAndAnonymousCallersSeeNoPatientLevelOutcomes() {
        UUID caseId = CaseAssignments.assignedCase("lw-ics", PCN);
        for (String token : new String[] { RealmTokens.user("analyst", "ics-analyst", Map.of()),
                RealmTokens.user("dr-patel", "gp", Map.of("ods", "B86001")), RealmTokens.withoutRole("nobody") }) {
            given().auth().oauth2(token).get("/outcomes/cases/" + caseId).then().statusCode(403);
            given().auth().oauth2(token).contentType(ContentType.JSON).body(ucla3(caseId))
                    .post("/outcomes/assessments").then().statusCode(403);
        }
        given().get("/outcomes/cases/" + caseId).then().statusCode(401);
        given().auth().oauth2(RealmTokens.expired("lw-ics", "link-worker", Map.of("pcn", PCN)))
                .get("/outcomes/cases/" + caseId).then().statusCode(401);
    }

    private static String ucla3(UUID caseId) {
        return """
                {"caseId":"%s","instrument":"UCLA3","timepoint":"BASELINE",
                 "answers":{"lackCompanionship":2,"leftOut":2,"isolated":2},"completedAt":"2026-11-20T10:15:00Z"}"""
                .formatted(caseId);
    }
}
