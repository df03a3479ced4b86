package org.linkwork.directory.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class OrukImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UUIDS = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private static JsonNode export(String id) throws Exception {
        return JSON.readTree(given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + id).then()
                .statusCode(200).extract().asString());
    }

    private static void load(Object export) {
        given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body(export.toString())
                .post("/directory/curation/import").then().statusCode(200);
    }

    @Test
    void reimportingAnExportChangesNothingNotEvenVersions() throws Exception {
        String id = Directory.add(new ServiceSpec(Directory.tag() + " tea dance").terms(Directory.DANCE)).toString();
        JsonNode before = export(id);

        load(JSON.createArrayNode().add(before));
        load(JSON.createArrayNode().add(before));

        assertEquals(before, export(id));
    }

    @Test
    void anExportLoadsUnderItsOwnIdsAndReadsBackIdentically() throws Exception {
        String original = Directory.add(new ServiceSpec(Directory.tag() + " choir").at(Directory.HEADINGLEY, Directory.YORK))
                .toString();
        // The same directory as another system would export it: every id new except the shared vocabulary's.
        ObjectNode copy = (ObjectNode) JSON.readTree(freshIds(export(original).toString()));
        ObjectNode page = JSON.createObjectNode().put("total_items", 1);
        page.putArray("contents").add(copy);

        load(page);

        JsonNode imported = export(copy.get("id").asText());
        assertEquals(copy.get("capacity").get("places_per_session"), imported.get("capacity").get("places_per_session"));
        assertEquals(0, imported.get("capacity").get("places_taken").asInt(), "places taken are live, not imported");
        copy.remove("capacity");
        ((ObjectNode) imported).remove("capacity");
        assertEquals(inIdOrder(copy), inIdOrder(imported));
    }

    /** Nested lists come back in id order, and the new ids sort differently from the originals. */
    private static JsonNode inIdOrder(JsonNode node) {
        if (node.isObject()) {
            ObjectNode sorted = JSON.createObjectNode();
            node.fields().forEachRemaining(field -> sorted.set(field.getKey(), inIdOrder(field.getValue())));
            return sorted;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(item -> items.add(inIdOrder(item)));
            items.sort(Comparator.comparing(item -> item.path("id").asText()));
            ArrayNode sorted = JSON.createArrayNode();
            items.forEach(sorted::add);
            return sorted;
        }
        return node;
    }

    @Test
    void importingAnnouncesNewAndChangedServicesAndNothingForAnIdenticalOne() throws Exception {
        String original = Directory.add(new ServiceSpec(Directory.tag() + " chair yoga")).toString();
        JsonNode unchanged = export(original);
        ObjectNode copy = (ObjectNode) JSON.readTree(freshIds(unchanged.toString()));
        String id = copy.get("id").asText();
        ObjectNode changed = copy.deepCopy();
        ((ObjectNode) changed.get("schedules").get(0)).put("closes_at", "12:00");

        Map<String, Integer> first = loadCounting(JSON.createArrayNode().add(copy).add(unchanged));
        Map<String, Integer> again = loadCounting(JSON.createArrayNode().add(copy).add(unchanged));
        Map<String, Integer> edited = loadCounting(JSON.createArrayNode().add(changed));
        loadCounting(JSON.createArrayNode().add(changed));

        assertEquals(Map.of("services", 2, "created", 1, "updated", 0, "unchanged", 1), first);
        assertEquals(Map.of("services", 2, "created", 0, "updated", 0, "unchanged", 2), again);
        assertEquals(Map.of("services", 1, "created", 0, "updated", 1, "unchanged", 0), edited);
        // eventsOf waits 2 s beyond the 2 expected, so an event from a repeated import would show here.
        List<ConsumerRecord<String, String>> records = EventTopics.eventsOf("directory-events", id, 2);
        assertEquals(List.of(ServiceChanged.PUBLISHED, ServiceChanged.UPDATED),
                records.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(EventTopics.header(record, "ce_type"), record.value());
        }
        // A change in a child row alone still moves the version, once, and the event carries it.
        assertEquals(1, JSON.readTree(records.get(1).value()).get("version").asInt());
        assertEquals(1, export(id).get("version").asInt());
        assertEquals(List.of(), EventTopics.eventsOf("directory-events", original, 0));
    }

    private static Map<String, Integer> loadCounting(JsonNode export) {
        return given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body(export.toString())
                .post("/directory/curation/import").then().statusCode(200).extract().jsonPath().getMap("", String.class, Integer.class);
    }

    @Test
    void childrenMissingFromTheExportAreRemoved() throws Exception {
        String id = Directory.add(new ServiceSpec(Directory.tag() + " garden")).toString();
        ObjectNode changed = (ObjectNode) export(id);
        changed.putArray("schedules");
        changed.put("name", "Community garden");

        load(JSON.createArrayNode().add(changed));

        given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + id).then()
                .body("schedules.size()", equalTo(0)).body("name", equalTo("Community garden"))
                .body("version", equalTo(changed.get("version").asInt() + 1));
    }

    @Test
    void anExportOutsideTheUkOrWithMissingFieldsIsRejectedNamingTheField() throws Exception {
        ObjectNode service = (ObjectNode) export(Directory.add(new ServiceSpec(Directory.tag() + " quiz")).toString());
        ObjectNode moved = service.deepCopy();
        ((ObjectNode) moved.get("service_at_locations").get(0).get("location")).put("latitude", 100);
        assertRejected(JSON.createArrayNode().add(moved), 400, "[0].service_at_locations[0].location.latitude");

        ObjectNode nameless = service.deepCopy();
        nameless.remove("name");
        assertRejected(JSON.createArrayNode().add(service).add(nameless), 400, "[1].name");

        ObjectNode orphan = (ObjectNode) JSON.readTree(freshIds(service.toString()));
        orphan.remove("organization");
        assertRejected(JSON.createArrayNode().add(orphan), 422, "[0].organization_id");

        assertRejected(JSON.createObjectNode().put("hello", "world"), 400, "body");
    }

    @Test
    void valuesTheDatabaseCannotHoldAreRejectedNamingTheFieldNotAServerError() throws Exception {
        ObjectNode service = (ObjectNode) export(Directory.add(new ServiceSpec(Directory.tag() + " choir")).toString());
        ObjectNode overflowing = service.deepCopy();
        overflowing.put("minimum_age", 2147483648L);
        assertRejected(JSON.createArrayNode().add(overflowing), 400, "[0].minimum_age");

        ObjectNode fortnightly = service.deepCopy();
        ((ObjectNode) fortnightly.get("schedules").get(0)).put("freq", "FORTNIGHTLY");
        assertRejected(JSON.createArrayNode().add(fortnightly), 400, "[0].schedules[0].freq");

        ObjectNode ancient = service.deepCopy();
        ancient.put("last_modified", "-999999999-01-01T00:00:00Z");
        assertRejected(JSON.createArrayNode().add(ancient), 400, "[0].last_modified");

        ObjectNode notAList = service.deepCopy();
        notAList.putObject("schedules").put("freq", "WEEKLY");
        assertRejected(JSON.createArrayNode().add(notAList), 400, "[0].schedules");

        ObjectNode nul = service.deepCopy();
        nul.put("description", "tea\u0000and cake");
        assertRejected(JSON.createArrayNode().add(nul), 400, "[0].description");
    }

    private static void assertRejected(JsonNode export, int status, String field) {
        given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body(export.toString())
                .post("/directory/curation/import").then().statusCode(status).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    private static String freshIds(String json) {
        Map<String, String> replacements = new HashMap<>();
        Matcher matcher = UUIDS.matcher(json);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String id = matcher.group();
            boolean vocabulary = id.equals(Directory.TAXONOMY.toString()) || json.contains("\"taxonomy_term_id\":\"" + id + "\"")
                    || json.contains("\"parent_id\":\"" + id + "\"");
            matcher.appendReplacement(result, vocabulary ? id : replacements.computeIfAbsent(id, k -> UUID.randomUUID().toString()));
        }
        matcher.appendTail(result);
        return result.toString();
    }

    @Test
    void onlyCuratorsMayImport() {
        given().auth().oauth2(Tokens.coordinator()).contentType(ContentType.JSON).body("[]")
                .post("/directory/curation/import").then().statusCode(403);
    }
}
