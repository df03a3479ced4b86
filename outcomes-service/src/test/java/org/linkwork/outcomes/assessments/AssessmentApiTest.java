package org.linkwork.outcomes.assessments;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class AssessmentApiTest {

    static final String WORKER = "lw-outcomes";
    static final String PCN = "U16878";

    @Inject
    AgroalDataSource dataSource;

    private static ValidatableResponse post(UUID caseId, String instrument, String timepoint, Map<String, ?> answers,
            String completedAt) {
        return asWorker().contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "instrument", instrument, "timepoint", timepoint, "answers", answers,
                        "completedAt", completedAt))
                .post("/outcomes/assessments").then();
    }

    static RequestSpecification asWorker() {
        return given().auth().oauth2(RealmTokens.user(WORKER, "link-worker", Map.of("pcn", PCN)));
    }

    private static Map<String, Integer> swemwbs(int optimistic, int useful, int relaxed, int problems, int clearly,
            int close, int ownMind) {
        return Map.of("optimistic", optimistic, "useful", useful, "relaxed", relaxed, "dealingWithProblems", problems,
                "thinkingClearly", clearly, "closeToOthers", close, "ownMind", ownMind);
    }

    private int storedAssessments(UUID caseId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM assessment WHERE case_id = ?")) {
            count.setObject(1, caseId);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    /** Outcome events queued in the outbox for a case: they exist exactly when the assessment does. */
    private int queuedOutcomeEvents(UUID caseId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM outbox_event WHERE topic = 'outcome-events' AND aggregate_key = ?")) {
            count.setString(1, caseId.toString());
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }

    @Test
    void recordsASwemwbsAssessmentWithItsRawAndMetricScores() throws Exception {
        UUID caseId = CaseAssignments.assignedCase(WORKER, PCN);
        String id = post(caseId, "SWEMWBS", "BASELINE", swemwbs(3, 4, 2, 3, 4, 3, 5), "2026-11-20T10:15:00Z")
                .statusCode(201)
                .header("Location", containsString("/outcomes/assessments/"))
                .body("caseId", equalTo(caseId.toString()))
                .body("instrument", equalTo("SWEMWBS"))
                .body("timepoint", equalTo("BASELINE"))
                .body("answers.relaxed", equalTo(2))
                .body("scores[0].measure", equalTo("raw"))
                .body("scores[0].value", equalTo(24))
                .body("scores[1].measure", equalTo("metric"))
                .body("scores[1].value", equalTo(21.54f))
                .body("recordedAt", notNullValue())
                .extract().path("id");

        asWorker().get("/outcomes/assessments/" + id).then().statusCode(200)
                .body("scores[1].value", equalTo(21.54f))
                .body("answers.ownMind", equalTo(5));
        assertEquals(1, queuedOutcomeEvents(caseId));
    }

    @Test
    void recordsOns4ItemsSeparatelyWithTheirBands() {
        post(CaseAssignments.assignedCase(WORKER, PCN), "ONS4", "BASELINE",
                Map.of("lifeSatisfaction", 4, "worthwhile", 6, "happiness", 9, "anxiety", 7), "2026-11-20T10:15:00Z")
                .statusCode(201)
                .body("scores", hasSize(4))
                .body("scores.find { it.measure == 'lifeSatisfaction' }.band", equalTo("LOW"))
                .body("scores.find { it.measure == 'worthwhile' }.band", equalTo("MEDIUM"))
                .body("scores.find { it.measure == 'happiness' }.band", equalTo("VERY_HIGH"))
                .body("scores.find { it.measure == 'anxiety' }.value", equalTo(7))
                .body("scores.find { it.measure == 'anxiety' }.band", equalTo("HIGH"));
    }

    @Test
    void recordsAUcla3TotalOfSixOrMoreAsLonely() {
        post(CaseAssignments.assignedCase(WORKER, PCN), "UCLA3", "BASELINE", Map.of("lackCompanionship", 3, "leftOut", 2, "isolated", 1),
                "2026-11-20T10:15:00Z")
                .statusCode(201)
                .body("scores[0].measure", equalTo("total"))
                .body("scores[0].value", equalTo(6))
                .body("scores[0].band", equalTo("LONELY"));
    }

    @Test
    void refusesAnIncompleteQuestionnaireNamingTheMissingItemAndStoresNothing() throws Exception {
        UUID caseId = CaseAssignments.assignedCase(WORKER, PCN);
        post(caseId, "UCLA3", "BASELINE", Map.of("lackCompanionship", 3, "isolated", 1), "2026-11-20T10:15:00Z")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("answers.leftOut"))
                .body("errors[0].message", containsString("not answered"));

        assertEquals(0, storedAssessments(caseId));
        assertEquals(0, queuedOutcomeEvents(caseId));
    }

    @Test
    void refusesAnOutOfRangeAnswerNamingTheItemAndStoresNothing() throws Exception {
        UUID caseId = CaseAssignments.assignedCase(WORKER, PCN);
        post(caseId, "SWEMWBS", "BASELINE", swemwbs(3, 4, 6, 3, 4, 3, 5), "2026-11-20T10:15:00Z")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("answers.relaxed"))
                .body("errors[0].message", containsString("from 1 to 5"));

        assertEquals(0, storedAssessments(caseId));
    }

    @Test
    void refusesAFractionalAnswerAndAnItemFromAnotherInstrument() {
        post(CaseAssignments.assignedCase(WORKER, PCN), "ONS4", "BASELINE",
                Map.of("lifeSatisfaction", 6.5, "worthwhile", 6, "happiness", 9, "anxiety", 7), "2026-11-20T10:15:00Z")
                .statusCode(422).body("errors[0].field", equalTo("answers.lifeSatisfaction"));
        post(CaseAssignments.assignedCase(WORKER, PCN), "UCLA3", "BASELINE",
                Map.of("lackCompanionship", 1, "leftOut", 1, "isolated", 1, "anxiety", 2), "2026-11-20T10:15:00Z")
                .statusCode(422).body("errors[0].field", equalTo("answers.anxiety"));
    }

    @Test
    void refusesAnUnknownInstrumentAsABadRequest() {
        post(CaseAssignments.assignedCase(WORKER, PCN), "PHQ9", "BASELINE", Map.of("a", 1), "2026-11-20T10:15:00Z")
                .statusCode(400).contentType("application/problem+json");
    }

    @Test
    void refusesACompletionTimeInTheFuture() {
        post(CaseAssignments.assignedCase(WORKER, PCN), "UCLA3", "BASELINE", Map.of("lackCompanionship", 1, "leftOut", 1, "isolated", 1),
                "2999-01-01T00:00:00Z")
                .statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", containsString("completedAt"));
    }

    @Test
    void showsChangeFromBaselineToTheLatestFollowUpPerInstrument() {
        UUID caseId = CaseAssignments.assignedCase(WORKER, PCN);
        // SWEMWBS raw 18 (metric 17.43) -> raw 21 (19.25) at review -> raw 25 (22.35) at discharge: +4.92
        post(caseId, "SWEMWBS", "BASELINE", swemwbs(2, 3, 2, 3, 3, 2, 3), "2026-06-01T10:00:00Z").statusCode(201);
        post(caseId, "SWEMWBS", "REVIEW", swemwbs(3, 3, 3, 3, 3, 3, 3), "2026-08-01T10:00:00Z").statusCode(201);
        post(caseId, "SWEMWBS", "DISCHARGE", swemwbs(4, 4, 4, 4, 3, 3, 3), "2026-11-01T10:00:00Z").statusCode(201);
        // UCLA-3 total 8 -> 7: a one-point fall is a meaningful improvement
        post(caseId, "UCLA3", "BASELINE", Map.of("lackCompanionship", 3, "leftOut", 3, "isolated", 2),
                "2026-06-01T10:00:00Z").statusCode(201);
        post(caseId, "UCLA3", "DISCHARGE", Map.of("lackCompanionship", 3, "leftOut", 2, "isolated", 2),
                "2026-11-01T10:00:00Z").statusCode(201);
        // ONS4 anxiety 6 -> 8 is a worsening; happiness unchanged
        post(caseId, "ONS4", "BASELINE", Map.of("lifeSatisfaction", 4, "worthwhile", 5, "happiness", 5, "anxiety", 6),
                "2026-06-01T10:00:00Z").statusCode(201);
        post(caseId, "ONS4", "REVIEW", Map.of("lifeSatisfaction", 6, "worthwhile", 5, "happiness", 5, "anxiety", 8),
                "2026-08-01T10:00:00Z").statusCode(201);

        asWorker().get("/outcomes/cases/" + caseId).then().statusCode(200)
                .body("caseId", equalTo(caseId.toString()))
                .body("assessments", hasSize(7))
                .body("assessments[0].completedAt", containsString("2026-06-01"))
                .body("changes", hasSize(3))
                .body("changes.find { it.instrument == 'SWEMWBS' }.latestTimepoint", equalTo("DISCHARGE"))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].measure", equalTo("metric"))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].baseline", equalTo(17.43f))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].latest", equalTo(22.35f))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].change", equalTo(4.92f))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].threshold", equalTo(3))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].meetsThreshold", equalTo(true))
                .body("changes.find { it.instrument == 'SWEMWBS' }.measures[0].direction", equalTo("IMPROVED"))
                .body("changes.find { it.instrument == 'UCLA3' }.measures[0].change", equalTo(-1))
                .body("changes.find { it.instrument == 'UCLA3' }.measures[0].direction", equalTo("IMPROVED"))
                .body("changes.find { it.instrument == 'ONS4' }.measures.find { it.measure == 'anxiety' }.direction",
                        equalTo("WORSENED"))
                .body("changes.find { it.instrument == 'ONS4' }.measures.find { it.measure == 'lifeSatisfaction' }.direction",
                        equalTo("IMPROVED"))
                .body("changes.find { it.instrument == 'ONS4' }.measures.find { it.measure == 'happiness' }.meetsThreshold",
                        equalTo(false));
    }

    @Test
    void showsNoChangeForAnInstrumentWithOnlyABaseline() {
        UUID caseId = CaseAssignments.assignedCase(WORKER, PCN);
        post(caseId, "UCLA3", "BASELINE", Map.of("lackCompanionship", 2, "leftOut", 2, "isolated", 2),
                "2026-06-01T10:00:00Z").statusCode(201);

        asWorker().get("/outcomes/cases/" + caseId).then().statusCode(200)
                .body("assessments", hasSize(1))
                .body("changes", empty());
    }

    @Test
    void answersAnEmptyHistoryForACaseWithoutAssessments() {
        asWorker().get("/outcomes/cases/" + CaseAssignments.assignedCase(WORKER, PCN)).then().statusCode(200)
                .body("assessments", empty())
                .body("changes", empty());
    }

    @Test
    void answersNotFoundForAnUnknownAssessment() {
        asWorker().get("/outcomes/assessments/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void documentsTheThresholdsAndTheirSourcesInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("paths.'/outcomes/cases/{caseId}'.get.description", containsString("Shah"))
                .body("paths.'/outcomes/cases/{caseId}'.get.description", containsString("ONS4: 1 point"))
                .body("paths.'/outcomes/assessments'.post.description", containsString("conversion table"));
    }
}
