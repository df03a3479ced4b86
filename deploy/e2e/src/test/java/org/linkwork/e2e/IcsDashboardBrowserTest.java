package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.PatientJourney;
import org.openqa.selenium.By;

/**
 * The reference ICS dashboard in a real headless Chromium ({@link DashboardPage}): after a dozen referrals with the
 * PRSB items (from a practice of another PCN than the shared journey's), every figure its tables and charts show is
 * the figure the report API gives for the same data, though the dashboard read only ics-events.
 * Launcher target only: the compose deployment has no dashboard yet.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IcsDashboardBrowserTest {

    private GatewayClient gateway;
    private String gatewayUrl;
    private DashboardPage page;

    @BeforeAll
    void startTheSuiteAndReferADozenPatients() {
        RunningSuite running = RunningSuite.get();
        gateway = running.gateway;
        gatewayUrl = running.suite.gatewayUrl();
        // Dr Okoro's practice, in another PCN than the journey's, whose month other tests expect to be small.
        String gp = gateway.userToken("dr-okoro");
        for (int i = 0; i < 12; i++) {
            Map<String, Object> body = new LinkedHashMap<>(PatientJourney.referral(PatientJourney.testNhsNumber()));
            body.put("referrer", Map.of("odsCode", "B86017", "practitionerName", "Dr Chidi Okoro", "practitionerRole", "GP"));
            Map<String, Object> patient = new LinkedHashMap<>(castMap(body.get("patient")));
            patient.put("sex", i % 2 == 0 ? "FEMALE" : "MALE");
            patient.put("ethnicCategory", i < 9 ? "A" : "H");
            // IMD 2019 deciles 1 and 6 (../shared/data/imd2019-lsoa-decile.csv).
            patient.put("lsoaCode", i < 9 ? "E01000048" : "E01000069");
            body.put("patient", patient);
            GatewayClient.Reply created = gateway.post("/referrals", gp, body,
                    Map.of("Idempotency-Key", UUID.randomUUID().toString()));
            assertEquals(201, created.status(), created.body());
        }
        page = new DashboardPage(gateway, gatewayUrl, Path.of("target/ics-dashboard.png"));
    }

    @AfterAll
    void closeTheBrowser() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void anIcsAnalystSeesTheReportApisFiguresInTheDashboardFedByTheStreamAlone() {
        page.logIn("analyst-ria");
        String analyst = gateway.userToken("analyst-ria");
        List<String> differences = page.tableDifferences(analyst, "", Duration.ofMinutes(3));
        assertTrue(differences.isEmpty(), "dashboard and report API differ (screenshot "
                + page.screenshot().toAbsolutePath() + "):\n  " + String.join("\n  ", differences));
        List<String> charts = page.chartDifferences(analyst, "");
        assertTrue(charts.isEmpty(), "charts and report API differ:\n  " + String.join("\n  ", charts));
    }

    @Test
    void aUserWhoIsNotAnIcsAnalystIsRefusedThePage() {
        try (DashboardPage coordinator = new DashboardPage(gateway, gatewayUrl, Path.of("target/ics-dashboard-coordinator.png"))) {
            coordinator.logIn("coord-sam");
            assertTrue(coordinator.browser().findElements(By.id("chart-referrals")).isEmpty(),
                    coordinator.browser().getPageSource());
            String figures = gateway.get("/dashboard/figures", gateway.userToken("coord-sam")).status() + "";
            assertEquals("403", figures);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
