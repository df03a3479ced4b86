package org.linkwork.outcomes.reports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
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
import org.linkwork.outcomes.SourceEvents.Patient;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * One PCN's March and April, fed through the real broker as referral-service and caseload-service publish them, plus
 * assessments and GP attendance through the API; the expected figures are worked out here from what was fed in.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportApiTest {

    static final String WORKER = "lw-reports";
    static final int CASES = 8;
    static final OffsetDateTime MARCH = OffsetDateTime.parse("2026-03-02T10:00:00Z");
    static final OffsetDateTime CLOSED = OffsetDateTime.parse("2026-04-10T10:00:00Z");

    final String pcn = SourceEvents.pcn();
    final String practiceA = SourceEvents.practice();
    final String practiceB = SourceEvents.practice();
    final List<BigDecimal> daysToFirstContact = new ArrayList<>();
    final List<BigDecimal> swemwbsChanges = new ArrayList<>();
    final List<int[]> gp = new ArrayList<>();

    String analyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }

    String worker() {
        return RealmTokens.user(WORKER, "link-worker", Map.of("pcn", pcn));
    }

    JsonPath report(String token, String query) {
        return given().auth().oauth2(token).accept(ContentType.JSON).get("/reports/monthly?" + query).then()
                .statusCode(200).contentType(ContentType.JSON).extract().jsonPath();
    }

    JsonPath pcnReport() {
        return report(analyst(), "from=2026-03&to=2026-04&pcn=" + pcn);
    }

    static Object value(JsonPath report, String month, String figure) {
        return report.get("rows.find { it.month == '" + month + "' }." + figure + ".value");
    }

    private boolean fed;

    /** Once for the class (per-class instance), when rest-assured already points at the running service. */
    @BeforeEach
    void feedOneNetworkThroughTheBroker() {
        if (fed) {
            return;
        }
        fed = true;
        List<CloudEvent> referrals = new ArrayList<>();
        List<CloudEvent> caseload = new ArrayList<>();
        List<UUID> cases = new ArrayList<>();
        List<UUID> referralIds = new ArrayList<>();
        for (int i = 0; i <= CASES; i++) {
            UUID referralId = UUID.randomUUID();
            OffsetDateTime received = MARCH.plusHours(i);
            Patient patient = Patient.random(java.time.LocalDate.of(1950, 1, 1 + i), "LS6 " + (i + 1) + "AB");
            referrals.add(SourceEvents.referralReceived(referralId, practiceA, received, patient));
            if (i == CASES) {
                referrals.add(SourceEvents.referralRejected(referralId, practiceA, "NEEDS_CLINICAL_SERVICE",
                        received.plusDays(1)));
                continue;
            }
            referrals.add(SourceEvents.referralAccepted(referralId, practiceA, received, received.plusDays(1), patient));
            UUID caseId = UUID.randomUUID();
            cases.add(caseId);
            referralIds.add(referralId);
            caseload.add(SourceEvents.caseAssigned(caseId, referralId, practiceA, pcn, WORKER, received.plusDays(2)));
            OffsetDateTime firstContact = received.plusDays(i + 2);
            daysToFirstContact.add(BigDecimal.valueOf(i + 2));
            caseload.add(SourceEvents.contactRecorded(caseId, referralId, firstContact.minusDays(1), false));
            CloudEvent attended = SourceEvents.contactRecorded(caseId, referralId, firstContact, true);
            caseload.add(attended);
            if (i == 0) {
                caseload.add(attended); // redelivered: must count once
            }
            if (i < 3) {
                caseload.add(SourceEvents.activityPrescribed(caseId, referralId, firstContact));
            }
            CloudEvent agreed = SourceEvents.planAgreed(caseId, referralId, practiceA, pcn, firstContact);
            caseload.add(agreed);
            if (i == 1) {
                caseload.add(agreed); // redelivered: must count once
                caseload.add(SourceEvents.planAgreed(caseId, referralId, practiceA, pcn, firstContact.plusDays(1)));
            }
            caseload.add(SourceEvents.caseClosed(caseId, referralId, practiceA, pcn, i == 0 ? "MOVED_AWAY" : "GOALS_MET",
                    CLOSED.plusHours(i)));
        }
        for (int i = 0; i < 2; i++) {
            UUID referralId = UUID.randomUUID();
            Patient patient = Patient.random(java.time.LocalDate.of(1990, 5, 5), "M1 1AE");
            referrals.add(SourceEvents.referralReceived(referralId, practiceB, MARCH.plusDays(3), patient));
            if (i == 0) {
                caseload.add(SourceEvents.caseAssigned(UUID.randomUUID(), referralId, practiceB, pcn, "lw-other",
                        MARCH.plusDays(4)));
            }
        }
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS, referrals.toArray(CloudEvent[]::new));
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, caseload.toArray(CloudEvent[]::new));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            JsonPath report = pcnReport();
            return Integer.valueOf(CASES + 3).equals(value(report, "2026-03", "referralsReceived"))
                    && Integer.valueOf(CASES).equals(value(report, "2026-03", "firstContacts"))
                    && Integer.valueOf(CASES).equals(value(report, "2026-04", "casesClosed"));
        });

        for (int i = 0; i < CASES; i++) {
            UUID caseId = cases.get(i);
            int before = 5 + i;
            int after = i % 3;
            gp.add(new int[] { before, after });
            given().auth().oauth2(worker()).contentType(ContentType.JSON)
                    .body(Map.of("appointmentsBefore", before, "appointmentsAfter", after))
                    .put("/outcomes/cases/" + caseId + "/gp-attendance").then().statusCode(200);
            BigDecimal baseline = swemwbs(caseId, "BASELINE", 2, "2026-03-05T10:00:00Z");
            BigDecimal review = swemwbs(caseId, "REVIEW", i % 2 == 0 ? 4 : 5, "2026-03-25T10:00:00Z");
            swemwbsChanges.add(review.subtract(baseline));
            if (i < 3) {
                ucla3(caseId, "BASELINE", 3, "2026-03-05T11:00:00Z");
                ucla3(caseId, "REVIEW", 1, "2026-03-25T11:00:00Z");
            }
        }
    }

    BigDecimal swemwbs(UUID caseId, String timepoint, int each, String at) {
        Map<String, Integer> answers = Map.of("optimistic", each, "useful", each, "relaxed", each,
                "dealingWithProblems", each, "thinkingClearly", each, "closeToOthers", each, "ownMind", each);
        return new BigDecimal(given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "instrument", "SWEMWBS", "timepoint", timepoint, "answers", answers,
                        "completedAt", at))
                .post("/outcomes/assessments").then().statusCode(201).extract()
                .path("scores.find { it.measure == 'metric' }.value").toString());
    }

    void ucla3(UUID caseId, String timepoint, int each, String at) {
        given().auth().oauth2(worker()).contentType(ContentType.JSON)
                .body(Map.of("caseId", caseId, "instrument", "UCLA3", "timepoint", timepoint, "answers",
                        Map.of("lackCompanionship", each, "leftOut", each, "isolated", each), "completedAt", at))
                .post("/outcomes/assessments").then().statusCode(201);
    }

    static BigDecimal mean(List<BigDecimal> values, int scale) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), scale, RoundingMode.HALF_UP);
    }

    static BigDecimal decimal(Object json) {
        return new BigDecimal(json.toString());
    }

    @Test
    void countsEachEventOnceInItsMonthAndSuppressesSmallNumbers() {
        JsonPath report = pcnReport();
        assertEquals(CASES + 3, value(report, "2026-03", "referralsReceived"));
        assertEquals(CASES, value(report, "2026-03", "referralsAccepted"));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.month == '2026-03' }.referralsRejected.suppressed"));
        assertNull(value(report, "2026-03", "referralsRejected"));
        assertEquals(CASES, value(report, "2026-03", "contactsHeld"));
        assertEquals(CASES, value(report, "2026-03", "contactsDidNotAttend"));
        assertEquals(0, decimal(value(report, "2026-03", "dnaRate"))
                .compareTo(BigDecimal.valueOf(CASES).divide(BigDecimal.valueOf(2L * CASES), 3, RoundingMode.HALF_UP)));
        List<BigDecimal> sorted = daysToFirstContact.stream().sorted().toList();
        BigDecimal median = sorted.get(CASES / 2 - 1).add(sorted.get(CASES / 2)).divide(BigDecimal.valueOf(2), 1, RoundingMode.HALF_UP);
        assertEquals(0, median.compareTo(decimal(value(report, "2026-03", "medianDaysToFirstContact"))));
        BigDecimal p90 = sorted.get((int) Math.ceil(0.9 * CASES) - 1);
        assertEquals(0, p90.compareTo(decimal(value(report, "2026-03", "p90DaysToFirstContact"))));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.month == '2026-03' }.activitiesPrescribed.suppressed"));
        assertEquals(CASES, value(report, "2026-03", "plansAgreed"), "one agreement per case, however often announced");
        assertEquals(0, value(report, "2026-04", "plansAgreed"));
        assertEquals(0, value(report, "2026-03", "casesClosed"));

        assertEquals(CASES, value(report, "2026-04", "casesClosed"));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.month == '2026-04' }.casesClosedByReason.GOALS_MET.suppressed"));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.month == '2026-04' }.casesClosedByReason.MOVED_AWAY.suppressed"));
        assertEquals(0, value(report, "2026-04", "referralsReceived"));
    }

    @Test
    void reportsGpAttendanceChangeInTheMonthOfClosure() {
        JsonPath report = pcnReport();
        assertEquals(CASES, value(report, "2026-04", "gpAttendance.cases"));
        List<BigDecimal> before = gp.stream().map(p -> BigDecimal.valueOf(p[0])).toList();
        List<BigDecimal> after = gp.stream().map(p -> BigDecimal.valueOf(p[1])).toList();
        List<BigDecimal> change = gp.stream().map(p -> BigDecimal.valueOf(p[1] - p[0])).toList();
        assertEquals(0, mean(before, 1).compareTo(decimal(value(report, "2026-04", "gpAttendance.meanBefore"))));
        assertEquals(0, mean(after, 1).compareTo(decimal(value(report, "2026-04", "gpAttendance.meanAfter"))));
        assertEquals(0, mean(change, 1).compareTo(decimal(value(report, "2026-04", "gpAttendance.meanChange"))));
    }

    @Test
    void reportsWellbeingChangePerInstrumentWithItsFiguresSuppressedWithTheirCounts() {
        JsonPath report = pcnReport();
        String swemwbs = "rows.find { it.month == '2026-03' }.wellbeing.find { it.instrument == 'SWEMWBS' }.";
        assertEquals((Object) CASES, report.get(swemwbs + "people.value"));
        assertEquals(0, mean(swemwbsChanges, 2).compareTo(decimal(report.get(swemwbs + "meanChange.value"))));
        assertEquals(0, BigDecimal.ONE.compareTo(decimal(report.get(swemwbs + "shareImproved.value"))));
        String ucla = "rows.find { it.month == '2026-03' }.wellbeing.find { it.instrument == 'UCLA3' }.";
        assertEquals(Boolean.TRUE, report.get(ucla + "people.suppressed"));
        assertEquals(Boolean.TRUE, report.get(ucla + "meanChange.suppressed"));
        assertNull(report.get(ucla + "meanChange.value"));
        assertEquals(Boolean.TRUE, report.get(ucla + "shareImproved.suppressed"));
    }

    @Test
    void groupsByPracticeSoThatNoWithheldPracticeCountFollowsFromThePcnTotal() {
        JsonPath report = report(analyst(), "from=2026-03&to=2026-03&by=PRACTICE&pcn=" + pcn);
        assertEquals((Object) CASES, report.get("rows.find { it.odsCode == '" + practiceA + "' }.referralsAccepted.value"));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.odsCode == '" + practiceB + "' }.referralsReceived.suppressed"));
        assertEquals(CASES + 3, value(pcnReport(), "2026-03", "referralsReceived"));
        assertEquals(Boolean.TRUE, report.get("rows.find { it.odsCode == '" + practiceA + "' }.referralsReceived.suppressed"),
                "practice B's 2 would be the PCN's total less practice A's");
        assertEquals(pcn, report.get("rows.find { it.odsCode == '" + practiceB + "' }.pcnCode"));
        JsonPath onePractice = report(analyst(), "from=2026-03&to=2026-03&by=practice&ods=" + practiceB);
        assertEquals(List.of(practiceB), onePractice.getList("rows.odsCode"));
        JsonPath practiceAOnly = report(analyst(), "from=2026-03&to=2026-03&by=practice&ods=" + practiceA);
        assertEquals(Boolean.TRUE, practiceAOnly.get("rows[0].referralsReceived.suppressed"),
                "one practice's report withholds what the whole PCN's does");
    }

    @Test
    void answersCsvWithSuppressedFiguresAsAStar() {
        String csv = given().auth().oauth2(analyst()).accept("text/csv")
                .get("/reports/monthly?from=2026-03&to=2026-04&pcn=" + pcn).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        List<String> lines = csv.lines().toList();
        assertEquals("month,pcnCode,odsCode,measure,value", lines.get(0));
        assertTrue(lines.contains("2026-03," + pcn + ",,referralsReceived," + (CASES + 3)), csv);
        assertTrue(lines.contains("2026-03," + pcn + ",,referralsRejected,*"), csv);
        assertTrue(lines.contains("2026-04," + pcn + ",,casesClosed.MOVED_AWAY,*"), csv);
        assertTrue(lines.contains("2026-03," + pcn + ",,gpAttendance.meanBefore,"), csv);
        assertTrue(lines.contains("2026-04," + pcn + ",,casesClosed," + CASES), csv);
    }

    @Test
    void aCoordinatorSeesTheirOwnPcnOnly() {
        String coordinator = RealmTokens.user("coord-reports", "coordinator", Map.of("pcn", pcn));
        JsonPath own = report(coordinator, "from=2026-03&to=2026-03");
        assertEquals(pcn, own.get("pcnCode"));
        assertEquals(List.of(pcn), own.getList("rows.pcnCode"));
        assertEquals(CASES + 3, value(own, "2026-03", "referralsReceived"));

        String elsewhere = RealmTokens.user("coord-elsewhere", "coordinator", Map.of("pcn", SourceEvents.pcn()));
        given().auth().oauth2(elsewhere).get("/reports/monthly?from=2026-03&to=2026-03&pcn=" + pcn).then()
                .statusCode(403).contentType("application/problem+json");
        assertTrue(report(elsewhere, "from=2026-03&to=2026-03").getList("rows").isEmpty());
        given().auth().oauth2(RealmTokens.user("coord-nopcn", "coordinator", Map.of())).get("/reports/monthly").then()
                .statusCode(403).contentType("application/problem+json");
    }

    @Test
    void patientFacingRolesAndAnonymousCallersGetNoReports() {
        for (String token : new String[] { worker(), RealmTokens.user("dr-patel", "gp", Map.of("ods", practiceA)),
                RealmTokens.withoutRole("nobody") }) {
            given().auth().oauth2(token).get("/reports/monthly").then().statusCode(403)
                    .contentType("application/problem+json").body("status", equalTo(403));
        }
        given().get("/reports/monthly").then().statusCode(401);
    }

    @Test
    void badParametersAreNamed() {
        given().auth().oauth2(analyst()).get("/reports/monthly?from=2026-13").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(analyst()).get("/reports/monthly?to=March").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(analyst()).get("/reports/monthly?by=WEEK").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        given().auth().oauth2(analyst()).get("/reports/monthly?ods=b86;drop").then().statusCode(400)
                .body("errors[0].field", equalTo("ods"));
        given().auth().oauth2(analyst()).get("/reports/monthly?from=2026-05&to=2026-03").then().statusCode(422)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(analyst()).get("/reports/monthly?from=2020-01&to=2026-03").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(analyst()).get("/reports/monthly?from=2026-03&to=2026-03&pcn=" + SourceEvents.pcn())
                .then().statusCode(200).body("rows", empty()).body("by", equalTo("PCN")).body("odsCode", nullValue());
    }

    @Test
    void documentsTheReportTheSuppressionRuleAndCsvInOpenApi() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/reports/monthly'.get.responses.'200'.content", hasKey("text/csv"))
                .body("paths.'/reports/monthly'.get.description", containsString("any count from 1 to 7 is withheld"))
                .body("paths.'/outcomes/cases/{caseId}/gp-attendance'.put.requestBody.content.'application/json'.examples",
                        hasKey("After closure"));
    }
}
