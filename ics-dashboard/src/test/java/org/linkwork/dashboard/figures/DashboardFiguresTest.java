package org.linkwork.dashboard.figures;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.linkwork.dashboard.StreamEvents;
import org.linkwork.dashboard.StreamEvents.Referral;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.platform.disclosure.Statistics;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;

/**
 * The dashboard fed on the real broker with ics-events as outcomes-service writes them: each figure is the one the
 * report API works out from the same journeys, with the same suppression, whatever the order and however often an
 * event arrives. Each test has its own month (and PCN), so the region-wide reach tables are its own.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
@WithTestResource(OidcWiremockTestResource.class)
class DashboardFiguresTest {

    static final String ANALYST = RealmTokens.user("analyst-test", "ics-analyst", Map.of());

    @BeforeEach
    void fromTheServerRoot() {
        RestAssured.basePath = "";
    }

    private static JsonPath figures(String month) {
        return given().auth().oauth2(ANALYST).queryParam("from", month).queryParam("to", month)
                .get("/dashboard/figures").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath figuresOnceSettled(String month, String path, Object expected) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> expected.equals(figures(month).get(path)));
        return figures(month);
    }

    @Test
    void referralsAndWaitsAreCountedPerPcnMonthAndSuppressedLikeTheReports() {
        String pcn = StreamEvents.pcn();
        String big = StreamEvents.practice();
        String small = StreamEvents.practice();
        OffsetDateTime start = OffsetDateTime.of(2019, 3, 4, 9, 0, 0, 0, ZoneOffset.UTC);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            Referral referral = Referral.of(big, pcn);
            OffsetDateTime received = start.plusHours(i);
            CloudEvent receivedV2 = referral.receivedV2(received, "FEMALE", i < 8 ? "WHITE" : "ASIAN", i < 8 ? 1 : 5);
            // v1 beside v2 for the same referral, and a redelivery of v2: one referral still.
            events.add(referral.receivedV1(received));
            events.add(receivedV2);
            events.add(receivedV2);
            events.add(referral.accepted(received, received.plusHours(1)));
            events.add(referral.assigned(received.plusHours(2)));
            if (i < 10) {
                // First attended contact i+1 days after the referral; a missed appointment the day before does not count.
                events.add(referral.contact(received.plusDays(i), false));
                events.add(referral.contact(received.plusDays(i + 1), true));
                events.add(referral.contact(received.plusDays(i + 3), true));
            }
        }
        for (int i = 0; i < 3; i++) {
            Referral referral = Referral.of(small, pcn);
            events.add(referral.receivedV1(start.plusDays(1).plusHours(i)));
            events.add(referral.assigned(start.plusDays(2)));
        }
        EventTopics.publish(StreamEvents.TOPIC, events.toArray(CloudEvent[]::new));

        JsonPath figures = figuresOnceSettled("2019-03", "reachByImdDecile.total.value", 15);
        String row = "months.find { it.pcnCode == '" + pcn + "' }.";
        assertEquals("2019-03", figures.getString(row + "month"));
        // 12 and 3 from the PCN's two practices: the 3 is withheld, so is the 12 it could be worked out from, and
        // the PCN's 15 is shown (as GET /reports/monthly?by=PCN shows it).
        assertEquals(15, figures.getInt(row + "referralsReceived.value"));
        assertEquals(10, figures.getInt(row + "firstContacts.value"));
        // Days to first contact 1..10: median 5.5, 90th centile (nearest rank) 9.
        assertEquals(5.5f, figures.getFloat(row + "medianDaysToFirstContact.value"));
        assertEquals(9.0f, figures.getFloat(row + "p90DaysToFirstContact.value"));

        // Deciles: 8 in decile 1 shown; 4 in decile 5 and 3 not recorded withheld, as are the categories they fix.
        assertEquals(8, figures.getInt("reachByImdDecile.referralsReceived.'1'.value"));
        assertEquals(true, figures.getBoolean("reachByImdDecile.referralsReceived.'5'.suppressed"));
        assertEquals(true, figures.getBoolean("reachByImdDecile.referralsReceived.NOT_RECORDED.suppressed"));
        assertEquals(0, figures.getInt("reachByImdDecile.referralsReceived.'2'.value"));
        assertEquals(0.1f, figures.getFloat("reachByImdDecile.populationShare.'1'"));
        assertEquals(8, figures.getInt("reachByEthnicGroup.referralsReceived.WHITE.value"));
        assertEquals(true, figures.getBoolean("reachByEthnicGroup.referralsReceived.ASIAN.suppressed"));
        assertEquals(0.093f, figures.getFloat("reachByEthnicGroup.populationShare.ASIAN"));
    }

    @Test
    void wellbeingChangeIsBaselineToLatestFollowUpJudgedByTheMeasuresMeaningfulChange() {
        String pcn = StreamEvents.pcn();
        String practice = StreamEvents.practice();
        OffsetDateTime baseline = OffsetDateTime.of(2019, 7, 1, 10, 0, 0, 0, ZoneOffset.UTC);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 18; i++) {
            Referral referral = Referral.of(practice, pcn);
            events.add(referral.receivedV1(baseline.minusDays(3)));
            events.add(referral.assigned(baseline.minusDays(2)));
            events.add(referral.swemwbs("BASELINE", baseline, "20.00"));
            // A review that the later discharge replaces; 10 then rise by 4 (at least the 3 points that count), 8 by 1.
            events.add(referral.swemwbs("REVIEW", baseline.plusDays(7), "30.00"));
            events.add(referral.swemwbs("DISCHARGE", baseline.plusDays(14), i < 10 ? "24.00" : "21.00"));
        }
        EventTopics.publish(StreamEvents.TOPIC, events.toArray(CloudEvent[]::new));

        String row = "months.find { it.pcnCode == '" + pcn + "' }.wellbeing.find { it.measure == 'metric' }.";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Integer.valueOf(18).equals(figures("2019-07").get(row + "people.value")));
        JsonPath figures = figures("2019-07");
        assertEquals("SWEMWBS", figures.getString(row + "instrument"));
        // (10 x 4 + 8 x 1) / 18 = 2.67; 10 of 18 improved.
        assertEquals(2.67f, figures.getFloat(row + "meanChange.value"));
        assertEquals(0.556f, figures.getFloat(row + "shareImproved.value"));
        assertEquals(1, figures.getList("months.find { it.pcnCode == '" + pcn + "' }.wellbeing").size(),
                "only the measures the reports follow");
    }

    @Test
    void smallMonthsAreWithheldWholeWithWhatIsWorkedOutFromThem() {
        String pcn = StreamEvents.pcn();
        String practice = StreamEvents.practice();
        OffsetDateTime received = OffsetDateTime.of(2019, 5, 6, 10, 0, 0, 0, ZoneOffset.UTC);
        List<CloudEvent> events = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Referral referral = Referral.of(practice, pcn);
            // Told out of order: the contact and the case before the referral itself.
            events.add(referral.contact(received.plusDays(2), true));
            events.add(referral.assigned(received.plusDays(1)));
            events.add(referral.receivedV2(received, "MALE", null, null));
        }
        EventTopics.publish(StreamEvents.TOPIC, events.toArray(CloudEvent[]::new));

        JsonPath figures = figuresOnceSettled("2019-05", "reachByImdDecile.total.suppressed", true);
        String row = "months.find { it.pcnCode == '" + pcn + "' }.";
        assertEquals(true, figures.getBoolean(row + "referralsReceived.suppressed"));
        assertEquals(true, figures.getBoolean(row + "firstContacts.suppressed"));
        assertEquals(true, figures.getBoolean(row + "medianDaysToFirstContact.suppressed"));
        assertNull(figures.get(row + "medianDaysToFirstContact.value"));
    }

    @Test
    void theWorkforceIsEachPcnsActiveLinkWorkersAgainstThePeopleTheyTookOnInTheYear() {
        String pcn = StreamEvents.pcn();
        String practice = StreamEvents.practice();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String amira = StreamEvents.pseudonym();
        String ben = StreamEvents.pseudonym();
        String chloe = StreamEvents.pseudonym();
        List<CloudEvent> events = new ArrayList<>(List.of(
                StreamEvents.workforceChanged(amira, pcn, "1.00", true, now.minusDays(30)),
                StreamEvents.workforceChanged(ben, pcn, "0.60", true, now.minusDays(30)),
                // Chloe left; her older announcement, arriving late, does not bring her back.
                StreamEvents.workforceChanged(chloe, pcn, "1.00", false, now.minusDays(5)),
                StreamEvents.workforceChanged(chloe, pcn, "1.00", true, now.minusDays(40))));
        for (int i = 0; i < 10; i++) {
            Referral referral = Referral.of(practice, pcn);
            OffsetDateTime received = now.minusDays(20 + i);
            events.add(referral.receivedV1(received));
            events.add(referral.assigned(received.plusDays(1)));
            if (i < 2) {
                events.add(referral.closed(received.plusDays(10)));
            }
        }
        // A case begun over a year ago is not among the year's people, though still open.
        Referral old = Referral.of(practice, pcn);
        events.add(old.receivedV1(now.minusDays(400)));
        events.add(old.assigned(now.minusDays(399)));
        EventTopics.publish(StreamEvents.TOPIC, events.toArray(CloudEvent[]::new));

        String row = "workforce.pcns.find { it.pcnCode == '" + pcn + "' }.";
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> Integer.valueOf(10).equals(figures("2019-01").get(row + "peopleInYear.value"))
                        && Integer.valueOf(9).equals(figures("2019-01").get(row + "openCases.value")));
        JsonPath figures = figures("2019-01");
        assertEquals(2, figures.getInt(row + "linkWorkers"));
        assertEquals(1.6f, figures.getFloat(row + "fte"));
        // 10 people on 1.6 FTE: 6.3 a year, far below 200-250.
        assertEquals(6.3f, figures.getFloat(row + "peoplePerFte.value"));
        assertEquals("BELOW", figures.getString(row + "againstGuidance"));
        assertEquals(200, figures.getInt("workforce.guidanceLow"));
    }

    @Test
    void onlyIcsAnalystsSeeTheFiguresOrThePage() {
        given().auth().oauth2(RealmTokens.user("coord-test", "coordinator", Map.of())).get("/dashboard/figures")
                .then().statusCode(403);
        given().auth().oauth2(RealmTokens.user("coord-test", "coordinator", Map.of())).get("/dashboard/")
                .then().statusCode(403);
        given().auth().oauth2(ANALYST).get("/dashboard/").then().statusCode(200)
                .contentType(containsString("text/html")).body(containsString("chart-referrals"));
        given().auth().oauth2(ANALYST).get("/dashboard/webjars/chart.js/4.4.7/dist/chart.umd.js").then().statusCode(200);
        // A browser without a session is sent to the realm's login.
        given().redirects().follow(false).get("/dashboard/").then().statusCode(302)
                .header("Location", containsString("/auth"));
    }

    @Test
    void aBadPeriodIsAProblemNamingItsParameter() {
        given().auth().oauth2(ANALYST).queryParam("from", "2019-13").get("/dashboard/figures").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("from"));
        given().auth().oauth2(ANALYST).queryParam("from", "2019-05").queryParam("to", "2019-01")
                .get("/dashboard/figures").then().statusCode(422).body("errors[0].field", equalTo("to"))
                .body("errors[0].message", containsString("before"));
        given().auth().oauth2(ANALYST).get("/dashboard/figures").then().statusCode(200).body("from", equalTo(
                YearMonth.now(Statistics.LONDON).minusMonths(11).toString()))
                .body("months", notNullValue()).body("workforce.guidanceHigh", equalTo(250)).body("nothing", nullValue());
    }
}
