package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.RegionYear;
import org.linkwork.local.Suite;
import org.linkwork.local.SuiteSettings;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The generated year of Coventry and Warwickshire ({@code deploy/local/linkwork year}) in a reporting suite of its own
 * (outcomes-service, the ICS dashboard, the gateway; ports shifted by 300, beside the shared suite): the dashboard,
 * fed by ics-events alone, shows in a real Chromium the figures the report API gives for the whole year, in every
 * table and chart. The size is {@code -Dlinkwork.year.referrals} (default the year's 15,000).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedYearDashboardTest {

    private Suite suite;
    private GatewayClient gateway;
    private DashboardPage page;
    private RegionYear.Year year;

    @BeforeAll
    void loadTheYearIntoAReportingSuite() {
        Path repository = RunningSuite.repository();
        suite = RunningSuite.upFromEmpty(Suite.forReporting(new SuiteSettings(repository,
                repository.resolve("deploy/e2e/target/year"), SuiteSettings.localCaDirectory(),
                SuiteSettings.Ports.shiftedBy(300)), System.out));
        year = RegionYear.generate(suite, System.out, RegionYear.SEED,
                Integer.getInteger("linkwork.year.referrals", RegionYear.REFERRALS));
        gateway = new GatewayClient(suite);
        page = new DashboardPage(gateway, suite.gatewayUrl(), Path.of("target/ics-dashboard-year.png"));
    }

    @AfterAll
    void stopTheReportingSuite() {
        if (page != null) {
            page.close();
        }
        if (suite != null) {
            suite.down();
        }
    }

    @Test
    void theDashboardShowsTheReportApisFiguresForTheWholeYear() {
        String analyst = gateway.userToken("analyst-ria");
        // The year is really there: every PCN's link workers, and more referrals than one month of the dozen others.
        JsonNode workforce = gateway.get("/reports/workforce", analyst).expect(200, "workforce report").json();
        assertTrue(workforce.get("pcns").size() == year.pcnCodes().size(), workforce.toString());
        JsonNode reach = gateway.get("/reports/reach?by=IMD_DECILE", analyst).expect(200, "reach report").json();
        long referrals = reach.get("total").get("total").get("value").asLong();
        assertTrue(referrals > 0.8 * year.referrals(), "the reach report counts " + referrals + " referrals");

        // Every month of the year, in London: its first is one month more than the 12 the page shows by default.
        ZoneId london = ZoneId.of("Europe/London");
        String period = "from=" + YearMonth.from(year.start().atZoneSameInstant(london)) + "&to="
                + YearMonth.from(year.end().atZoneSameInstant(london));
        page.logIn("analyst-ria");
        List<String> differences = page.tableDifferences(analyst, period, Duration.ofMinutes(3));
        assertTrue(differences.isEmpty(), "dashboard and report API differ on the generated year (screenshot "
                + page.screenshot().toAbsolutePath() + "):\n  " + String.join("\n  ", differences));
        List<String> charts = page.chartDifferences(analyst, period);
        assertTrue(charts.isEmpty(), "charts and report API differ on the generated year:\n  " + String.join("\n  ", charts));
    }
}
