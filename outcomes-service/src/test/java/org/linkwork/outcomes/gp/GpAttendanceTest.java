package org.linkwork.outcomes.gp;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.outcomes.SourceEvents;
import org.linkwork.testkit.EventTopics;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class GpAttendanceTest {

    static final String WORKER = "lw-gp-attendance";

    @Inject
    AgroalDataSource dataSource;

    private final String pcn = SourceEvents.pcn();
    private final String ods = SourceEvents.practice();

    private String worker() {
        return RealmTokens.user(WORKER, "link-worker", Map.of("pcn", pcn));
    }

    private ValidatableResponse put(String token, UUID caseId, String body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .put("/outcomes/cases/" + caseId + "/gp-attendance").then();
    }

    private UUID openCase(UUID referralId) {
        UUID caseId = UUID.randomUUID();
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, SourceEvents.caseAssigned(caseId, referralId, ods, pcn, WORKER,
                OffsetDateTime.now(ZoneOffset.UTC).minusDays(200)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(worker())
                .get("/outcomes/cases/" + caseId).statusCode() == 200);
        return caseId;
    }

    @Test
    void theCountAfterClosureWaitsForTheCaseToClose() {
        UUID referralId = UUID.randomUUID();
        UUID caseId = openCase(referralId);

        put(worker(), caseId, "{\"appointmentsBefore\":9}").statusCode(200)
                .body("appointmentsBefore", equalTo(9)).body("appointmentsAfter", nullValue()).body("change", nullValue());
        put(worker(), caseId, "{\"appointmentsBefore\":9,\"appointmentsAfter\":4}").statusCode(409)
                .contentType("application/problem+json").body("errors[0].field", equalTo("appointmentsAfter"));
        given().auth().oauth2(worker()).get("/outcomes/cases/" + caseId).then().statusCode(200)
                .body("gpAttendance.appointmentsBefore", equalTo(9)).body("gpAttendance.appointmentsAfter", nullValue());

        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, SourceEvents.caseClosed(caseId, referralId, ods, pcn,
                "GOALS_MET", OffsetDateTime.now(ZoneOffset.UTC).minusDays(190)));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(worker())
                .get("/outcomes/cases/" + caseId).path("gpAttendance.caseClosedAt") != null);

        put(worker(), caseId, "{\"appointmentsBefore\":9,\"appointmentsAfter\":4}").statusCode(200)
                .body("appointmentsAfter", equalTo(4)).body("change", equalTo(4 - 9)).body("recordedAt", notNullValue());
        given().auth().oauth2(worker()).get("/outcomes/cases/" + caseId).then().statusCode(200)
                .body("gpAttendance.appointmentsBefore", equalTo(9)).body("gpAttendance.appointmentsAfter", equalTo(4))
                .body("gpAttendance.change", equalTo(4 - 9));
    }

    @Test
    void countsMustBeWholeNonNegativeNumbers() throws Exception {
        UUID caseId = openCase(UUID.randomUUID());
        put(worker(), caseId, "{\"appointmentsBefore\":-1}").statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("appointmentsBefore"));
        put(worker(), caseId, "{\"appointmentsBefore\":2.5}").statusCode(422)
                .body("errors[0].field", equalTo("appointmentsBefore"));
        put(worker(), caseId, "{\"appointmentsBefore\":201}").statusCode(422)
                .body("errors[0].field", equalTo("appointmentsBefore"));
        put(worker(), caseId, "{\"appointmentsBefore\":3,\"appointmentsAfter\":-2}").statusCode(422)
                .body("errors[0].field", equalTo("appointmentsAfter"));
        put(worker(), caseId, "{\"appointmentsBefore\":\"several\"}").statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("appointmentsBefore"));
        put(worker(), caseId, "{\"appointmentsBefore\":").statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(worker()).get("/outcomes/cases/" + caseId).then().statusCode(200)
                .body("gpAttendance.appointmentsBefore", nullValue());
        put(worker(), caseId, "{\"appointmentsBefore\":2.0}").statusCode(200).body("appointmentsBefore", equalTo(2));
        // Every request that reached the case was audited, refused counts included; unreadable bodies never did.
        assertEquals(5, audited(caseId, "gp-attendance.record", "SUCCESS"));
    }

    @Test
    void onlyTheCasesWorkerOrItsPcnCoordinatorRecordsIt() {
        UUID caseId = openCase(UUID.randomUUID());
        put(RealmTokens.user("lw-someone-else", "link-worker", Map.of("pcn", pcn)), caseId, "{\"appointmentsBefore\":1}")
                .statusCode(404).contentType("application/problem+json");
        put(RealmTokens.user("coord-elsewhere", "coordinator", Map.of("pcn", SourceEvents.pcn())), caseId,
                "{\"appointmentsBefore\":1}").statusCode(404);
        put(RealmTokens.user("analyst", "ics-analyst", Map.of()), caseId, "{\"appointmentsBefore\":1}")
                .statusCode(403).contentType("application/problem+json");
        put(RealmTokens.user("coord-here", "coordinator", Map.of("pcn", pcn)), caseId, "{\"appointmentsBefore\":6}")
                .statusCode(200).body("appointmentsBefore", equalTo(6));
        put(worker(), UUID.randomUUID(), "{\"appointmentsBefore\":1}").statusCode(404);
    }

    private int audited(UUID caseId, String action, String outcome) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement count = connection.prepareStatement(
                        "SELECT count(*) FROM audit_record WHERE resource_id = ? AND action = ? AND outcome = ?")) {
            count.setString(1, caseId.toString());
            count.setString(2, action);
            count.setString(3, outcome);
            try (ResultSet result = count.executeQuery()) {
                result.next();
                return result.getInt(1);
            }
        }
    }
}
