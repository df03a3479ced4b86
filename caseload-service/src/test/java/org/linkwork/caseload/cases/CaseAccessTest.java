package org.linkwork.caseload.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class CaseAccessTest {

    static final String OTHER_PCN = "U94664";

    @Inject
    EntityManager entityManager;

    @Test
    void aLinkWorkerSeesAndChangesOnlyTheirOwnCases() {
        String pcn = "U92581";
        String owner = CaseloadFixtures.uniqueUsername("lw-own");
        CaseloadFixtures.addWorker(pcn, owner, 5);
        String caseId = openCase(pcn);
        String colleague = CaseloadFixtures.uniqueUsername("lw-col");

        given().auth().oauth2(Tokens.linkWorker(owner, pcn)).get("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.linkWorker(colleague, pcn)).get("/cases/" + caseId)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.linkWorker(colleague, pcn)).contentType(ContentType.JSON)
                .body(CaseFlowTest.contact(OffsetDateTime.now(ZoneOffset.UTC), true)).post("/cases/" + caseId + "/contacts")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.linkWorker(colleague, pcn)).get("/cases")
                .then().statusCode(200).body("id", not(hasItem(caseId)));
    }

    @Test
    void aCoordinatorSeesTheirPcnOnly() {
        String pcn = "U67243";
        CaseloadFixtures.addWorker(pcn, CaseloadFixtures.uniqueUsername("lw-c"), 5);
        String caseId = openCase(pcn);
        given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.coordinator(OTHER_PCN)).get("/cases/" + caseId).then().statusCode(404);
        given().auth().oauth2(Tokens.coordinator(OTHER_PCN)).queryParam("pcn", pcn).get("/cases/waiting-list")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator(OTHER_PCN)).contentType(ContentType.JSON)
                .body("{\"username\":\"lw-x\",\"name\":\"X\",\"pcnCode\":\"" + pcn + "\",\"fte\":1.0,\"languages\":[],\"active\":true}")
                .post("/link-workers").then().statusCode(403);
    }

    @Test
    void gpsAndIcsAnalystsSeeNoCasesAndNoTokenIsUnauthorised() {
        String pcn = "U50263";
        CaseloadFixtures.addWorker(pcn, CaseloadFixtures.uniqueUsername("lw-g"), 5);
        String caseId = openCase(pcn);
        for (String token : new String[] { Tokens.gp(), Tokens.icsAnalyst(), RealmTokens.withoutRole("nobody") }) {
            given().auth().oauth2(token).get("/cases/" + caseId).then().statusCode(403);
            given().auth().oauth2(token).get("/cases").then().statusCode(403);
            given().auth().oauth2(token).get("/link-workers").then().statusCode(403);
        }
        given().get("/cases/" + caseId).then().statusCode(401);
        given().auth().oauth2(RealmTokens.forged("lw-f", "link-worker", Map.of("pcn", pcn)))
                .get("/cases/" + caseId).then().statusCode(401);
    }

    @Test
    void everyReadOfACaseIsAudited() {
        String pcn = "U81168";
        String owner = CaseloadFixtures.uniqueUsername("lw-aud");
        CaseloadFixtures.addWorker(pcn, owner, 5);
        String caseId = openCase(pcn);
        given().auth().oauth2(Tokens.linkWorker(owner, pcn)).get("/cases/" + caseId).then().statusCode(200);
        given().auth().oauth2(Tokens.coordinator(OTHER_PCN)).get("/cases/" + caseId).then().statusCode(404);

        long success = audits(caseId, "case.read", "SUCCESS", owner);
        long denied = audits(caseId, "case.read", "DENIED", "coord-" + OTHER_PCN);
        assertEquals(1, success);
        assertEquals(1, denied);
    }

    @Test
    void myCaseloadShowsCountsOverdueContactsAndDueReviews() {
        String pcn = "U78708";
        String owner = CaseloadFixtures.uniqueUsername("lw-me");
        CaseloadFixtures.addWorker(pcn, owner, 5);
        String quiet = openCase(pcn);
        String reviewed = openCase(pcn);
        String token = Tokens.linkWorker(owner, pcn);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(CaseFlowTest.contact(OffsetDateTime.now(ZoneOffset.UTC).minusDays(20), true))
                .post("/cases/" + quiet + "/contacts").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(CaseFlowTest.contact(OffsetDateTime.now(ZoneOffset.UTC).minusDays(1), true))
                .post("/cases/" + reviewed + "/contacts").then().statusCode(201);
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body("{\"whatMattersToMe\":\"Walking again\",\"goals\":[],\"reviewDate\":\"" + LocalDate.now().plusDays(3) + "\"}")
                .put("/cases/" + reviewed + "/plan").then().statusCode(200);

        given().auth().oauth2(token).get("/link-workers/me/caseload").then().statusCode(200)
                .body("countsByStatus.ACTIVE", equalTo(2))
                .body("worker.openCases", equalTo(2))
                .body("contactsOverdue.caseId", equalTo(List.of(quiet)))
                .body("reviewsDue.caseId", equalTo(List.of(reviewed)));
    }

    /** Each test has a pcn of its own, so that its case goes to the worker it added. */
    private String openCase(String pcn) {
        UUID referralId = UUID.randomUUID();
        String ods = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("SELECT ods_code FROM practice WHERE pcn_code = ?1 ORDER BY ods_code LIMIT 1")
                .setParameter(1, pcn).getSingleResult());
        CaseloadFixtures.publish(CaseloadFixtures.accepted(referralId, ods, "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null));
        return (String) CaseloadFixtures.awaitCase(pcn, referralId).get("id");
    }

    private long audits(String caseId, String action, String outcome, String actor) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM audit_record WHERE resource_id = ?1 AND action = ?2 AND outcome = ?3 AND actor = ?4")
                .setParameter(1, caseId).setParameter(2, action).setParameter(3, outcome).setParameter(4, actor)
                .getSingleResult()).longValue());
    }
}
