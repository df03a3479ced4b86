package org.linkwork.outcomes.reports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
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
import org.linkwork.outcomes.SourceEvents.Patient;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/**
 * Reach by PCN and demographic split, from referral events through the broker. The referrals are received in January
 * 2019, a month no other test uses, so the region's table holds exactly these.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachReportTest {

    static final OffsetDateTime JANUARY = OffsetDateTime.of(2019, 1, 10, 9, 0, 0, 0, ZoneOffset.UTC);
    static final String PERIOD = "from=2019-01&to=2019-01";

    final String pcnA = SourceEvents.pcn();
    final String pcnB = SourceEvents.pcn();
    /** The true counts, by PCN, split and category. */
    final Map<String, Map<String, Map<String, Integer>>> truth = Map.of(
            pcnA, Map.of("SEX", Map.of("MALE", 10, "FEMALE", 10), "IMD_DECILE", Map.of("2", 20)),
            pcnB, Map.of("SEX", Map.of("FEMALE", 8, "NOT_RECORDED", 3), "IMD_DECILE", Map.of("9", 8, "NOT_RECORDED", 3)));

    private boolean fed;

    @BeforeEach
    void feedTwoPcnsThroughTheBroker() {
        if (fed) {
            return;
        }
        fed = true;
        String practiceA = SourceEvents.practice();
        String practiceB = SourceEvents.practice();
        List<CloudEvent> referrals = new ArrayList<>();
        List<CloudEvent> cases = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            referrals.add(received(practiceA, i, i < 10 ? "MALE" : "FEMALE", "A", "E01011268", cases, pcnA, i == 0));
        }
        for (int i = 0; i < 11; i++) {
            referrals.add(i < 8 ? received(practiceB, i, "FEMALE", "M", "E01000001", cases, pcnB, i == 0)
                    : SourceEvents.referralReceived(UUID.randomUUID(), practiceB, JANUARY.plusHours(i),
                            Patient.random(LocalDate.of(1980, 1, 1), "LS9 7TF")));
        }
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS, referrals.toArray(CloudEvent[]::new));
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, cases.toArray(CloudEvent[]::new));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath report = report(analyst(), "by=SEX");
            assertEquals(List.of(pcnA, pcnB).stream().sorted().toList(), report.getList("rows.pcnCode"));
            assertEquals(31, report.getInt("total.total.value"), "every referral arrived");
        });
    }

    /** A referral with PRSB items; the first of each practice also gets a case, which tells outcomes its PCN. */
    private static CloudEvent received(String practice, int i, String sex, String ethnicCategory, String lsoa,
            List<CloudEvent> cases, String pcn, boolean teachesPcn) {
        UUID referralId = UUID.randomUUID();
        if (teachesPcn) {
            cases.add(SourceEvents.caseAssigned(UUID.randomUUID(), referralId, practice, pcn, "lw-reach",
                    JANUARY.plusDays(1)));
        }
        return SourceEvents.referralReceived(referralId, practice, JANUARY.plusHours(i),
                Patient.random(LocalDate.of(1950, 1, 1), "LS6 2AB"), sex, ethnicCategory, lsoa);
    }

    static String analyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }

    static JsonPath report(String token, String query) {
        return given().auth().oauth2(token).get("/reports/reach?" + PERIOD + "&" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void everyShownCountIsTrueEverySmallCountIsWithheldAndNoWithheldCountStandsAlone() {
        for (String split : List.of("SEX", "IMD_DECILE")) {
            JsonPath report = report(analyst(), "by=" + split);
            List<String> categories = report.getList("categories");
            List<Map<String, Object>> rows = report.getList("rows");
            for (Map<String, Object> row : rows) {
                Map<String, Integer> counts = truth.get((String) row.get("pcnCode")).get(split);
                @SuppressWarnings("unchecked")
                Map<String, Map<String, Object>> figures = (Map<String, Map<String, Object>>) row.get("referralsReceived");
                assertEquals(categories, List.copyOf(figures.keySet()), "every category, in order");
                long withheldInRow = 0;
                for (String category : categories) {
                    int count = counts.getOrDefault(category, 0);
                    Map<String, Object> figure = figures.get(category);
                    if (Boolean.TRUE.equals(figure.get("suppressed"))) {
                        withheldInRow++;
                        assertTrue(count > 0, "a 0 is never withheld: " + split + " " + row);
                    } else {
                        assertEquals(count, figure.get("value"), split + " " + category + " " + row);
                        assertTrue(count == 0 || count > 7, "a count of 1-7 is withheld: " + split + " " + row);
                    }
                }
                boolean totalWithheld = Boolean.TRUE.equals(((Map<?, ?>) row.get("total")).get("suppressed"));
                assertTrue(withheldInRow != 1 || totalWithheld,
                        "one withheld count in a row whose total is shown could be worked out: " + split + " " + row);
            }
        }
        JsonPath bySex = report(analyst(), "by=SEX");
        assertEquals(Boolean.TRUE, bySex.get("rows.find { it.pcnCode == '" + pcnB + "' }.referralsReceived.NOT_RECORDED.suppressed"));
    }

    @Test
    void aCoordinatorSeesTheirPcnsRowAsTheRegionShowsItAndNoRegionalTotals() {
        String coordinator = RealmTokens.user("coord-reach", "coordinator", Map.of("pcn", pcnB));
        JsonPath own = report(coordinator, "by=IMD_DECILE");
        JsonPath region = report(analyst(), "by=IMD_DECILE");
        assertEquals(List.of(pcnB), own.getList("rows.pcnCode"));
        assertEquals(region.getMap("rows.find { it.pcnCode == '" + pcnB + "' }"), own.getMap("rows[0]"));
        assertNull(own.get("total"));
        given().auth().oauth2(coordinator).get("/reports/reach?" + PERIOD + "&by=SEX&pcn=" + pcnA).then().statusCode(403);
    }

    @Test
    void theSplitIsRequiredAndNamedWhenWrongAndOnlyAnalystsAndCoordinatorsMayRead() {
        given().auth().oauth2(analyst()).get("/reports/reach?" + PERIOD).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("by"));
        given().auth().oauth2(analyst()).get("/reports/reach?" + PERIOD + "&by=RELIGION").then().statusCode(400)
                .body("errors[0].field", equalTo("by"));
        given().auth().oauth2(analyst()).get("/reports/reach?from=2019-02&to=2019-01&by=SEX").then().statusCode(422)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(RealmTokens.user("dr-reach", "gp", Map.of())).get("/reports/reach?" + PERIOD + "&by=SEX")
                .then().statusCode(403);
        given().get("/reports/reach?" + PERIOD + "&by=SEX").then().statusCode(401);
    }
}
