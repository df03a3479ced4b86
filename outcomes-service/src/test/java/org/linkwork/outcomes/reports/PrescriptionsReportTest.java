package org.linkwork.outcomes.reports;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

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
 * Social prescriptions by PCN and taxonomy term, from caseload events through the broker as caseload-service
 * publishes them (v1, then v2 with the terms; v1 alone before it sent terms). The prescriptions are accepted from
 * April to July 2018, months no other test uses, so the region's table holds exactly these.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrescriptionsReportTest {

    static final String PERIOD = "from=2018-05&to=2018-06";
    static final OffsetDateTime MAY = OffsetDateTime.parse("2018-05-14T09:00:00Z");
    /** 00:30 on 1 May in London (BST): in May. */
    static final OffsetDateTime FIRST_OF_MAY = OffsetDateTime.parse("2018-04-30T23:30:00Z");
    /** 23:30 on 30 April in London: in April, the last of a week of prescriptions. */
    static final OffsetDateTime LAST_OF_APRIL = OffsetDateTime.parse("2018-04-30T22:30:00Z");
    /** 00:30 on 1 July in London: in July. */
    static final OffsetDateTime FIRST_OF_JULY = OffsetDateTime.parse("2018-06-30T23:30:00Z");
    static final List<String> TERMS = List.of("gardening", "peer-support", "walking", "NOT_RECORDED");

    enum Announced {
        /** As caseload-service publishes a prescription now. */
        V1_THEN_V2,
        /** Out of order: the report must not care. */
        V2_THEN_V1,
        /** Before caseload-service sent terms: not known. */
        V1_ONLY
    }

    /** {@code count} prescriptions of a service with these terms, in one PCN, accepted at {@code at} plus a day each. */
    record Prescriptions(String pcn, int count, Announced announced, OffsetDateTime at, String... terms) {
    }

    /**
     * Two PCNs, A's code before B's: the table's rows are in code order, and which further figures secondary
     * suppression withholds depends on it (with B first, all of A's row is withheld).
     */
    final List<String> pcns = Stream.generate(SourceEvents::pcn).distinct().limit(2).sorted().toList();
    final String pcnA = pcns.get(0);
    final String pcnB = pcns.get(1);
    /** The true counts in May and June, by PCN and term: a prescription counts under each term of its service. */
    final Map<String, Map<String, Integer>> truth = Map.of(
            pcnA, Map.of("walking", 12 + 9, "peer-support", 9, "gardening", 3, "NOT_RECORDED", 10 + 1),
            pcnB, Map.of("walking", 6 + 2, "peer-support", 2, "NOT_RECORDED", 9));

    private boolean fed;

    @BeforeEach
    void feedTwoPcnsThroughTheBroker() {
        if (fed) {
            return;
        }
        fed = true;
        List<CloudEvent> events = new ArrayList<>();
        // Sent again: v2 redelivered as it was, then v2 with other terms and v1 under new event ids. None counts.
        UUID caseId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        UUID prescriptionId = UUID.randomUUID();
        events.add(SourceEvents.caseAssigned(caseId, referralId, SourceEvents.practice(), pcnA, "lw-prescriptions",
                FIRST_OF_MAY.minusDays(1)));
        CloudEvent v2 = SourceEvents.activityPrescribedV2(caseId, referralId, prescriptionId, FIRST_OF_MAY, "walking");
        events.addAll(List.of(SourceEvents.activityPrescribed(caseId, referralId, prescriptionId, FIRST_OF_MAY), v2, v2,
                SourceEvents.activityPrescribedV2(caseId, referralId, prescriptionId, FIRST_OF_MAY, "gardening"),
                SourceEvents.activityPrescribed(caseId, referralId, prescriptionId, FIRST_OF_MAY)));

        List<Prescriptions> feed = List.of(
                new Prescriptions(pcnA, 11, Announced.V1_THEN_V2, MAY, "walking"),
                new Prescriptions(pcnA, 9, Announced.V1_THEN_V2, MAY, "walking", "peer-support"),
                new Prescriptions(pcnA, 3, Announced.V1_THEN_V2, MAY, "gardening"),
                new Prescriptions(pcnA, 10, Announced.V1_ONLY, MAY),
                new Prescriptions(pcnA, 1, Announced.V1_THEN_V2, MAY),
                new Prescriptions(pcnA, 8, Announced.V1_THEN_V2, LAST_OF_APRIL.minusDays(7), "walking"),
                new Prescriptions(pcnA, 8, Announced.V1_THEN_V2, FIRST_OF_JULY, "walking"),
                new Prescriptions(pcnB, 6, Announced.V1_THEN_V2, MAY, "walking"),
                new Prescriptions(pcnB, 2, Announced.V2_THEN_V1, MAY, "walking"),
                new Prescriptions(pcnB, 2, Announced.V1_THEN_V2, MAY, "peer-support"),
                new Prescriptions(pcnB, 9, Announced.V1_ONLY, MAY));
        for (Prescriptions prescriptions : feed) {
            for (int i = 0; i < prescriptions.count(); i++) {
                events.addAll(prescribed(prescriptions, prescriptions.at().plusDays(i)));
            }
        }
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, events.toArray(CloudEvent[]::new));
        // In order on the case events' one partition: once the last counts, the prescriptions sent again have been seen.
        await().atMost(Duration.ofSeconds(120)).untilAsserted(() -> {
            assertEquals(8, total("from=2018-04&to=2018-04"));
            assertEquals(8, total("from=2018-07&to=2018-07"));
            assertEquals(63, total(PERIOD), "every prescription arrived");
        });
    }

    /** One prescription of its own case, announced as given. */
    private static List<CloudEvent> prescribed(Prescriptions prescriptions, OffsetDateTime at) {
        UUID caseId = UUID.randomUUID();
        UUID referralId = UUID.randomUUID();
        UUID prescriptionId = UUID.randomUUID();
        CloudEvent assigned = SourceEvents.caseAssigned(caseId, referralId, SourceEvents.practice(), prescriptions.pcn(),
                "lw-prescriptions", at.minusDays(1));
        CloudEvent v1 = SourceEvents.activityPrescribed(caseId, referralId, prescriptionId, at);
        CloudEvent v2 = SourceEvents.activityPrescribedV2(caseId, referralId, prescriptionId, at, prescriptions.terms());
        return switch (prescriptions.announced()) {
            case V1_THEN_V2 -> List.of(assigned, v1, v2);
            case V2_THEN_V1 -> List.of(assigned, v2, v1);
            case V1_ONLY -> List.of(assigned, v1);
        };
    }

    /** The region's term mentions, null while withheld. */
    static Integer total(String query) {
        return report(analyst(), query).get("total.total.value");
    }

    static String analyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }

    static JsonPath report(String token, String query) {
        return given().auth().oauth2(token).get("/reports/prescriptions?" + query).then().statusCode(200)
                .extract().jsonPath();
    }

    /** Each row's and the total's figures per term, in the report's order. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> figures(Map<String, Object> row) {
        return (Map<String, Map<String, Object>>) row.get("activitiesPrescribed");
    }

    static boolean withheld(Map<?, ?> figure) {
        return Boolean.TRUE.equals(figure.get("suppressed"));
    }

    @Test
    void countsEachPrescriptionUnderEveryTermOfItsServiceAndPrescriptionsWithoutKnownTermsAsNotRecorded() {
        JsonPath report = report(analyst(), PERIOD);
        assertEquals(TERMS, report.getList("terms"), "the terms prescribed, sorted, NOT_RECORDED last");
        List<Map<String, Object>> rows = report.getList("rows");
        assertEquals(List.of(pcnA, pcnB).stream().sorted().toList(), rows.stream().map(row -> row.get("pcnCode")).toList());
        Map<String, Integer> columnTotals = new HashMap<>();
        for (Map<String, Object> row : rows) {
            Map<String, Integer> counts = truth.get((String) row.get("pcnCode"));
            Map<String, Map<String, Object>> figures = figures(row);
            assertEquals(TERMS, List.copyOf(figures.keySet()), "every term, in order");
            for (String term : TERMS) {
                int count = counts.getOrDefault(term, 0);
                columnTotals.merge(term, count, Integer::sum);
                if (!withheld(figures.get(term))) {
                    assertEquals(count, figures.get(term).get("value"), term + " " + row);
                }
            }
        }
        // 35 prescriptions in PCN A, 9 of them of a service with two terms: 44 term mentions.
        assertEquals(44, report.getInt("rows.find { it.pcnCode == '" + pcnA + "' }.total.value"));
        assertEquals(19, report.getInt("rows.find { it.pcnCode == '" + pcnB + "' }.total.value"));
        assertEquals(11, report.getInt("rows.find { it.pcnCode == '" + pcnA + "' }.activitiesPrescribed.NOT_RECORDED.value"),
                "10 announced in v1 only, 1 of a service with no term");
        // Both PCNs' walking: A's 12 (the redelivered one once, with its first terms) and 9 of two terms, B's 8.
        assertEquals(29, report.getInt("total.activitiesPrescribed.walking.value"));
        assertEquals(20, report.getInt("total.activitiesPrescribed.NOT_RECORDED.value"));
        assertEquals(columnTotals.values().stream().mapToInt(Integer::intValue).sum(), report.getInt("total.total.value"));
    }

    @Test
    void prescriptionsOutsideTheMonthsAskedForAreLeftOutByTheirMonthInLondon() {
        JsonPath april = report(analyst(), "from=2018-04&to=2018-04");
        assertEquals(List.of("walking", "NOT_RECORDED"), april.getList("terms"));
        assertEquals(8, april.getInt("rows.find { it.pcnCode == '" + pcnA + "' }.activitiesPrescribed.walking.value"),
                "a week of April up to 23:30 on its last day, not 00:30 on 1 May");
        JsonPath july = report(analyst(), "from=2018-07&to=2018-07");
        assertEquals(List.of(pcnA), july.getList("rows.pcnCode"));
        assertEquals(8, july.getInt("total.activitiesPrescribed.walking.value"), "from 00:30 on 1 July in London");
        JsonPath mayToJuly = report(analyst(), "from=2018-05&to=2018-07");
        assertEquals(63 + 8, mayToJuly.getInt("total.total.value"));
    }

    @Test
    void smallCountsAreWithheldAndNoWithheldCountCanBeWorkedOutFromItsRowOrColumn() {
        JsonPath report = report(analyst(), PERIOD);
        List<Map<String, Object>> lines = new ArrayList<>(report.getList("rows"));
        lines.add(report.getMap("total"));
        boolean largeCountWithheld = false;
        for (Map<String, Object> line : lines) {
            Map<String, Map<String, Object>> figures = figures(line);
            String pcn = (String) line.get("pcnCode");
            long withheldInLine = 0;
            for (String term : TERMS) {
                int count = pcn == null ? truth.values().stream().mapToInt(counts -> counts.getOrDefault(term, 0)).sum()
                        : truth.get(pcn).getOrDefault(term, 0);
                if (withheld(figures.get(term))) {
                    withheldInLine++;
                    assertTrue(count > 0, "a 0 is never withheld: " + term + " " + line);
                    largeCountWithheld |= count > 7;
                } else {
                    assertTrue(count == 0 || count > 7, "a count of 1-7 is withheld: " + term + " " + line);
                }
            }
            assertTrue(withheldInLine != 1 || withheld((Map<?, ?>) line.get("total")),
                    "one withheld count beside a shown total could be worked out: " + line);
        }
        for (String term : TERMS) {
            long withheldInColumn = lines.stream().filter(line -> line.get("pcnCode") != null)
                    .filter(line -> withheld(figures(line).get(term))).count();
            assertTrue(withheldInColumn != 1 || withheld(figures(report.getMap("total")).get(term)),
                    "one withheld count beside a shown column total could be worked out: " + term);
        }
        assertTrue(largeCountWithheld, "counts above 7 are withheld to protect the small ones");
    }

    @Test
    void aCoordinatorSeesTheirPcnsRowAsTheRegionShowsItAndNoOtherPcn() {
        String coordinator = RealmTokens.user("coord-prescriptions", "coordinator", Map.of("pcn", pcnB));
        JsonPath own = report(coordinator, PERIOD);
        JsonPath region = report(analyst(), PERIOD);
        assertEquals(List.of(pcnB), own.getList("rows.pcnCode"));
        assertEquals(pcnB, own.getString("pcnCode"));
        assertEquals(TERMS, own.getList("terms"), "the region's terms, so the row reads as the region's");
        assertEquals(region.getMap("rows.find { it.pcnCode == '" + pcnB + "' }"), own.getMap("rows[0]"));
        assertNull(own.get("total"));
        assertEquals(own.getMap("rows[0]"), report(coordinator, PERIOD + "&pcn=" + pcnB).getMap("rows[0]"));
        given().auth().oauth2(coordinator).get("/reports/prescriptions?" + PERIOD + "&pcn=" + pcnA).then()
                .statusCode(403);
        given().auth().oauth2(RealmTokens.user("coord-no-pcn", "coordinator", Map.of()))
                .get("/reports/prescriptions?" + PERIOD).then().statusCode(403);

        JsonPath onePcn = report(analyst(), PERIOD + "&pcn=" + pcnA);
        assertEquals(List.of(pcnA), onePcn.getList("rows.pcnCode"));
        assertEquals(region.getMap("rows.find { it.pcnCode == '" + pcnA + "' }"), onePcn.getMap("rows[0]"));
        assertNull(onePcn.get("total"));
    }

    @Test
    void badMonthsAndPcnCodesAreNamedAndOnlyAnalystsAndCoordinatorsMayRead() {
        given().auth().oauth2(analyst()).get("/reports/prescriptions?from=2018-13&to=2018-06").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(analyst()).get("/reports/prescriptions?from=2018-05&to=June").then().statusCode(400)
                .body("errors[0].field", equalTo("to"));
        given().auth().oauth2(analyst()).get("/reports/prescriptions?from=2018-07&to=2018-05").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("to"));
        given().auth().oauth2(analyst()).get("/reports/prescriptions?from=2013-01&to=2018-06").then().statusCode(422)
                .body("errors[0].field", equalTo("from"));
        given().auth().oauth2(analyst()).get("/reports/prescriptions?" + PERIOD + "&pcn=U1;DROP").then()
                .statusCode(400).body("errors[0].field", equalTo("pcn"));
        given().auth().oauth2(RealmTokens.user("dr-prescriptions", "gp", Map.of())).get("/reports/prescriptions?" + PERIOD)
                .then().statusCode(403);
        given().get("/reports/prescriptions?" + PERIOD).then().statusCode(401);
    }
}
