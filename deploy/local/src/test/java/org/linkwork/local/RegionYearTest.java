package org.linkwork.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** The generated year: the region's shape, its events as their producers publish them, each journey in order. */
class RegionYearTest {

    private static final Path REPOSITORY = Path.of("../..");
    private static final OffsetDateTime END = OffsetDateTime.of(2026, 12, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    private static final List<String> LSOAS = RegionYear.lsoaCodes(REPOSITORY);
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    @Test
    void theYearIsARegionOfAMillionPeopleWithItsPracticesPcnsAndLinkWorkers() {
        RegionYear.Year year = new RegionYear(RegionYear.SEED, RegionYear.REFERRALS).make(END, LSOAS);
        Map<String, Long> counts = year.countsByType();
        assertEquals(60, counts.get("org.linkwork.link-worker.changed.v1"));
        assertEquals(20, year.pcnCodes().size(), "each PCN has a link worker at least");
        // A referral received in the year's last hours may not be triaged within it.
        long received = counts.get("org.linkwork.referral.received.v1");
        assertTrue(received > 14_950 && received <= 15_000, "referrals received: " + received);
        Set<String> practices = new HashSet<>();
        for (RegionYear.Event event : year.events()) {
            if (event.type().equals("org.linkwork.referral.received.v1")) {
                practices.add((String) event.data().get("odsCode"));
            }
            assertTrue(!event.time().isBefore(year.start().minusDays(1)) && event.time().isBefore(END), event.toString());
        }
        assertEquals(118, practices.size(), "every practice of Coventry and Warwickshire refers");
        long accepted = counts.get("org.linkwork.referral.accepted.v1");
        long assigned = counts.get("org.linkwork.case.assigned.v1");
        assertTrue(accepted > 0.9 * received && assigned > 0.95 * accepted, counts.toString());
        long closed = counts.get("org.linkwork.case.closed.v1");
        assertTrue(closed > 0.7 * assigned && counts.get("org.linkwork.case.contact-recorded.v1") > 3 * closed, counts.toString());
        assertEquals(counts.get("org.linkwork.case.activity-prescribed.v1"), counts.get("org.linkwork.case.activity-prescribed.v2"));
        assertTrue(year.recordings().size() > 10_000, "questionnaires and GP attendance: " + year.recordings().size());
    }

    @Test
    void everyEventIsValidAgainstItsProducersPublishedSchema() throws IOException {
        RegionYear.Year year = new RegionYear(7, 1_500).make(END, LSOAS);
        Map<String, JsonSchema> schemas = new HashMap<>();
        for (RegionYear.Event event : year.events()) {
            JsonSchema schema = schemas.computeIfAbsent(event.type(), type -> schema(event.source(), type));
            Set<ValidationMessage> problems = schema.validate(JSON.readTree(RegionYear.json(event.data())));
            assertTrue(problems.isEmpty(), event.type() + ": " + problems + " in " + event.data());
            assertEquals(event.source().equals("/referral-service") ? "referral-events" : "caseload-events", event.topic());
        }
        assertEquals(12, schemas.size(), "every type a referral's and a case's journey publishes: " + schemas.keySet());
    }

    @Test
    void theSameSeedMakesTheSameYearAndAnotherSeedAnother() {
        RegionYear.Year first = new RegionYear(11, 300).make(END, LSOAS);
        RegionYear.Year again = new RegionYear(11, 300).make(END, LSOAS);
        RegionYear.Year other = new RegionYear(12, 300).make(END, LSOAS);
        assertEquals(first.events(), again.events());
        assertEquals(first.recordings(), again.recordings());
        assertNotEquals(first.events(), other.events());
    }

    @Test
    void eachCaseHappensInTheOrderCaseloadServiceWouldPublishIt() {
        RegionYear.Year year = new RegionYear(3, 3_000).make(END, LSOAS);
        Map<String, List<String>> byCase = new HashMap<>();
        Map<String, OffsetDateTime> assignedAt = new HashMap<>();
        Map<String, OffsetDateTime> closedAt = new HashMap<>();
        for (RegionYear.Event event : year.events()) {
            if (event.topic().equals("caseload-events") && event.data().containsKey("caseId")) {
                byCase.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.type());
                if (event.type().equals("org.linkwork.case.assigned.v1")) {
                    assignedAt.put(event.key(), event.time());
                }
                if (event.type().equals("org.linkwork.case.closed.v1")) {
                    closedAt.put(event.key(), event.time());
                }
            }
        }
        for (Map.Entry<String, List<String>> journey : byCase.entrySet()) {
            List<String> types = journey.getValue();
            int assigned = types.indexOf("org.linkwork.case.assigned.v1");
            // A case waiting-listed in the year's last weeks may still wait at its end.
            boolean waiting = types.get(0).equals("org.linkwork.case.waiting-listed.v1");
            assertTrue(assigned == 0 || waiting && (assigned == 1 || types.size() == 1), journey.toString());
            int closed = types.indexOf("org.linkwork.case.closed.v1");
            assertTrue(closed == -1 || closed == types.size() - 1, journey.toString());
        }
        for (RegionYear.Recording recording : year.recordings()) {
            String caseId = recording.method().equals("PUT") ? recording.path().split("/")[3]
                    : (String) recording.body().get("caseId");
            assertTrue(assignedAt.containsKey(caseId) && assignedAt.get(caseId).isBefore(recording.at()), recording.toString());
            if (recording.method().equals("PUT")) {
                assertTrue(closedAt.containsKey(caseId), "GP attendance after closure only: " + recording);
            }
        }
    }

    @Test
    void theReportingSuiteRunsNoServiceThatWouldActOnTheYearsEvents() {
        SuiteSettings settings = new SuiteSettings(Path.of("/repo"), home, home.resolve("ca"), SuiteSettings.Ports.shiftedBy(300));
        List<String> names = Suite.forReporting(settings, new PrintStream(OutputStream.nullOutputStream())).components()
                .stream().map(Component::name).toList();
        assertEquals(List.of("postgres", "keycloak", "kafka", "outcomes-service", "ics-dashboard", "gateway"), names);
    }

    private static JsonSchema schema(String source, String type) {
        Path file = REPOSITORY.resolve(source.substring(1)).resolve("src/main/resources/META-INF/resources/asyncapi/schemas")
                .resolve(type + ".json");
        try (InputStream in = Files.newInputStream(file)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (IOException e) {
            throw new AssertionError("no published schema " + file, e);
        }
    }
}
