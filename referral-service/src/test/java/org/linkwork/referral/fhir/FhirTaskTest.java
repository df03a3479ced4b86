package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Task;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.CaseloadEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirTaskTest {

    private static final String IN_NETWORK = "B86043";

    @Test
    void theTaskFollowsTheCaseThroughCaseloadEventsAndTheServiceRequestFollowsTheTask() {
        String id = FhirClient.refer(Referrals.newNhsNumber(), IN_NETWORK);
        String gp = Tokens.gp("dr-patel", IN_NETWORK);
        Task accepted = task(gp, id);
        assertEquals(Task.TaskStatus.ACCEPTED, accepted.getStatus());
        assertEquals("ACCEPTED", accepted.getBusinessStatus().getCodingFirstRep().getCode());
        assertEquals(TaskMapper.REFERRAL_STATUS_SYSTEM, accepted.getBusinessStatus().getCodingFirstRep().getSystem());
        assertEquals("ServiceRequest/" + id, accepted.getBasedOnFirstRep().getReference());
        assertEquals("Patient/" + id, accepted.getFor().getReference());
        assertEquals(IN_NETWORK, accepted.getRequester().getIdentifier().getValue());
        assertTrue(accepted.getOwner().hasDisplay());
        assertFalse(accepted.hasStatusReason());

        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), caseId, "lw-amira"));
        awaitTask(gp, id, "ASSIGNED", Task.TaskStatus.ACCEPTED);
        CaseloadEvents.send(CaseloadEvents.contactRecorded(UUID.fromString(id), caseId, true));
        awaitTask(gp, id, "IN_PROGRESS", Task.TaskStatus.INPROGRESS);
        given().auth().oauth2(gp).get("/fhir/ServiceRequest/" + id).then().statusCode(200).body("status", equalTo("active"));

        CaseloadEvents.send(CaseloadEvents.closed(UUID.fromString(id), caseId, "PATIENT_DECLINED"));
        Task declined = awaitTask(gp, id, "PATIENT_DECLINED", Task.TaskStatus.CANCELLED);
        assertEquals(TaskMapper.STATUS_REASON_SYSTEM, declined.getStatusReason().getCodingFirstRep().getSystem());
        assertEquals("PATIENT_DECLINED", declined.getStatusReason().getCodingFirstRep().getCode());
        assertTrue(declined.getExecutionPeriod().hasEnd());
        // meta.lastUpdated is an instant to the millisecond; lastModified, a dateTime, is to the second and may not move.
        assertTrue(declined.getMeta().getLastUpdated().after(accepted.getMeta().getLastUpdated()));
        assertFalse(declined.getLastModified().before(accepted.getLastModified()));
        given().auth().oauth2(gp).get("/fhir/ServiceRequest/" + id).then().statusCode(200).body("status", equalTo("revoked"));
    }

    @Test
    void aCompletedCaseCompletesTheTaskAndTheServiceRequest() {
        String id = FhirClient.refer(Referrals.newNhsNumber(), IN_NETWORK);
        String gp = Tokens.gp("dr-patel", IN_NETWORK);
        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), caseId, "lw-amira"),
                CaseloadEvents.contactRecorded(UUID.fromString(id), caseId, true),
                CaseloadEvents.closed(UUID.fromString(id), caseId, "GOALS_MET"));
        Task completed = awaitTask(gp, id, "COMPLETED", Task.TaskStatus.COMPLETED);
        assertFalse(completed.hasStatusReason());
        given().auth().oauth2(gp).get("/fhir/ServiceRequest/" + id).then().body("status", equalTo("completed"));
    }

    @Test
    void aCancelledReferralsTaskCarriesTheCodedCancellationReason() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String id = FhirClient.refer(Referrals.newNhsNumber(), practice);
        String gp = Tokens.gp("dr-patel", practice);
        assertEquals(Task.TaskStatus.REQUESTED, task(gp, id).getStatus());
        given().auth().oauth2(gp).contentType("application/json")
                .body("{\"reason\":\"MOVED_AWAY\",\"note\":\"Moved to Cardiff\"}").post("/referrals/" + id + "/cancel")
                .then().statusCode(200);
        Task cancelled = task(gp, id);
        assertEquals(Task.TaskStatus.CANCELLED, cancelled.getStatus());
        assertEquals("MOVED_AWAY", cancelled.getStatusReason().getCodingFirstRep().getCode());
        assertEquals("CANCELLED", cancelled.getBusinessStatus().getCodingFirstRep().getCode());
    }

    @Test
    void aRejectedReferralsTaskIsRejectedWithTheCodedReason() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String id = FhirClient.refer(Referrals.newNhsNumber(), practice);
        given().auth().oauth2(Tokens.coordinator("coord-ann", "U12345")).contentType("application/json")
                .body("{\"reason\":\"OUT_OF_AREA\"}").post("/referrals/" + id + "/reject").then().statusCode(200);
        Task rejected = task(Tokens.gp("dr-patel", practice), id);
        assertEquals(Task.TaskStatus.REJECTED, rejected.getStatus());
        assertEquals("OUT_OF_AREA", rejected.getStatusReason().getCodingFirstRep().getCode());
    }

    @Test
    void theReferrerFindsTheTaskByServiceRequestPatientAndStatus() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String nhs = Referrals.newNhsNumber();
        String id = FhirClient.refer(nhs, practice);
        String gp = Tokens.gp("dr-patel", practice);
        assertEquals(List.of(id), FhirSearchTest.ids(FhirSearchTest.searchset(gp, "/fhir/Task?based-on=ServiceRequest/" + id)));
        assertEquals(List.of(id), FhirSearchTest.ids(FhirSearchTest.searchset(gp,
                "/fhir/Task?patient:identifier=https://fhir.nhs.uk/Id/nhs-number|" + nhs + "&status=requested")));
        assertEquals(0, FhirSearchTest.searchset(gp, "/fhir/Task?based-on=ServiceRequest/" + id + "&status=completed")
                .getTotal());
        Bundle bundle = FhirSearchTest.searchset(gp, "/fhir/Task?based-on=" + id);
        assertEquals(Task.TaskStatus.REQUESTED, ((Task) bundle.getEntryFirstRep().getResource()).getStatus());
    }

    @Test
    void anUnknownOrAnotherPracticesTaskIsNotFound() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String id = FhirClient.refer(Referrals.newNhsNumber(), practice);
        String otherGp = Tokens.gp("dr-other", "Y01234");
        String outcome = given().auth().oauth2(otherGp).get("/fhir/Task/" + id).then().statusCode(404)
                .contentType(containsString(FhirClient.FHIR_JSON)).body("issue[0].code", equalTo("not-found"))
                .extract().asString();
        FhirValidation.assertValidR4(outcome);
        given().auth().oauth2(otherGp).get("/fhir/Task/" + UUID.randomUUID()).then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
        given().auth().oauth2(otherGp).get("/fhir/Patient/" + id).then().statusCode(404);
        assertEquals(0, FhirSearchTest.searchset(otherGp, "/fhir/Task?based-on=ServiceRequest/" + id).getTotal());
        given().auth().oauth2(otherGp).get("/fhir/Task?based-on=Patient/" + id).then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("based-on"));
        given().auth().oauth2(otherGp).get("/fhir/Task?_include=ServiceRequest:patient").then().statusCode(400)
                .body("issue[0].expression[0]", equalTo("_include"));
    }

    private static Task task(String token, String id) {
        return (Task) FhirValidation.FHIR.newJsonParser().parseResource(FhirClient.validGet(token, "/fhir/Task/" + id));
    }

    private static Task awaitTask(String token, String id, String businessStatus, Task.TaskStatus status) {
        await().atMost(Duration.ofSeconds(30)).until(
                () -> businessStatus.equals(task(token, id).getBusinessStatus().getCodingFirstRep().getCode()));
        Task task = task(token, id);
        assertEquals(status, task.getStatus());
        return task;
    }
}
