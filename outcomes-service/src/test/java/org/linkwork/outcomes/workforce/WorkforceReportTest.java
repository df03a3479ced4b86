package org.linkwork.outcomes.workforce;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.outcomes.SourceEvents;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Two PCNs' link workers and cases fed through the broker as caseload-service publishes them; the workforce report
 * must count the current workforce (the latest announcement of each worker) against the cases of the last year.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkforceReportTest {

    static final OffsetDateTime NOW = OffsetDateTime.now(ZoneOffset.UTC);

    final String busy = SourceEvents.pcn();
    final String small = SourceEvents.pcn();
    private boolean fed;

    @BeforeEach
    void feedTwoNetworks() {
        if (fed) {
            return;
        }
        fed = true;
        UUID full = UUID.randomUUID();
        UUID partTime = UUID.randomUUID();
        List<CloudEvent> events = new ArrayList<>();
        events.add(SourceEvents.linkWorkerChanged(full, busy, "1.0", true, NOW.minusDays(30)));
        CloudEvent partTimeNow = SourceEvents.linkWorkerChanged(partTime, busy, "0.6", true, NOW.minusDays(2));
        events.add(partTimeNow);
        events.add(partTimeNow);
        // Older than what is known already: arrives late and changes nothing.
        events.add(SourceEvents.linkWorkerChanged(partTime, busy, "0.2", true, NOW.minusDays(9)));
        events.add(SourceEvents.linkWorkerChanged(UUID.randomUUID(), busy, "1.0", false, NOW.minusDays(5)));
        UUID moved = UUID.randomUUID();
        events.add(SourceEvents.linkWorkerChanged(moved, busy, "0.5", true, NOW.minusDays(60)));
        events.add(SourceEvents.linkWorkerChanged(moved, small, "0.5", true, NOW.minusDays(1)));
        String practice = SourceEvents.practice();
        for (int i = 0; i < 10; i++) {
            UUID caseId = UUID.randomUUID();
            UUID referralId = UUID.randomUUID();
            // One case began more than a year ago: open, but not among the year's people.
            OffsetDateTime assigned = i == 9 ? NOW.minusMonths(13) : NOW.minusDays(10 + i);
            events.add(SourceEvents.caseAssigned(caseId, referralId, practice, busy, "lw-" + i, assigned));
            if (i < 3) {
                events.add(SourceEvents.caseClosed(caseId, referralId, practice, busy, "GOALS_MET", NOW.minusDays(1)));
            }
        }
        for (int i = 0; i < 3; i++) {
            events.add(SourceEvents.caseAssigned(UUID.randomUUID(), UUID.randomUUID(), SourceEvents.practice(), small,
                    "lw-s" + i, NOW.minusDays(3)));
        }
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, events.toArray(CloudEvent[]::new));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath b = report(analyst(), "pcn=" + busy);
            JsonPath s = report(analyst(), "pcn=" + small);
            return Integer.valueOf(9).equals(b.get("pcns[0].peopleInYear.value"))
                    && Boolean.TRUE.equals(b.get("pcns[0].openCases.suppressed"))
                    && Integer.valueOf(2).equals(b.get("pcns[0].linkWorkers"))
                    && Integer.valueOf(1).equals(s.get("pcns[0].linkWorkers"));
        });
    }

    String analyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }

    JsonPath report(String token, String query) {
        return given().auth().oauth2(token).get("/reports/workforce?" + query).then().statusCode(200).extract()
                .jsonPath();
    }

    @Test
    void countsTheCurrentWorkforceAgainstTheYearsPeople() {
        JsonPath report = report(analyst(), "pcn=" + busy);
        assertEquals(busy, report.getString("pcns[0].pcnCode"));
        assertEquals(2, report.getInt("pcns[0].linkWorkers"), "the inactive and the moved worker are not counted");
        assertEquals(0, new BigDecimal("1.60").compareTo(new BigDecimal(report.getString("pcns[0].fte"))));
        assertEquals(9, report.getInt("pcns[0].peopleInYear.value"));
        assertEquals(true, report.getBoolean("pcns[0].openCases.suppressed"), "7 open");
        assertEquals(0, new BigDecimal("5.6").compareTo(new BigDecimal(report.getString("pcns[0].peoplePerFte.value"))));
        assertEquals("BELOW", report.getString("pcns[0].againstGuidance"));
        assertEquals(200, report.getInt("guidanceLow"));
        assertEquals(250, report.getInt("guidanceHigh"));
    }

    @Test
    void aSmallNumberOfPeopleWithholdsTheLoadWorkedOutFromIt() {
        JsonPath report = report(analyst(), "pcn=" + small);
        assertEquals(1, report.getInt("pcns[0].linkWorkers"));
        assertEquals(true, report.getBoolean("pcns[0].peopleInYear.suppressed"));
        assertEquals(true, report.getBoolean("pcns[0].peoplePerFte.suppressed"));
        assertNull(report.get("pcns[0].peoplePerFte.value"));
        assertNull(report.get("pcns[0].againstGuidance"));
    }

    @Test
    void aCoordinatorSeesTheirOwnPcnOnly() {
        String coordinator = RealmTokens.user("coord-workforce", "coordinator", Map.of("pcn", small));
        assertEquals(List.of(small), given().auth().oauth2(coordinator).get("/reports/workforce").then().statusCode(200)
                .extract().jsonPath().getList("pcns.pcnCode"), "their own PCN without asking");
        given().auth().oauth2(coordinator).get("/reports/workforce?pcn=" + busy).then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void patientFacingRolesAndAnonymousCallersGetNoWorkforceReport() {
        given().auth().oauth2(RealmTokens.user("lw-any", "link-worker", Map.of("pcn", busy))).get("/reports/workforce")
                .then().statusCode(403).contentType("application/problem+json");
        given().get("/reports/workforce").then().statusCode(401);
    }

    @Test
    void aMalformedPcnIsNamed() {
        given().auth().oauth2(analyst()).get("/reports/workforce?pcn=U1;DROP").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("pcn"));
    }
}
