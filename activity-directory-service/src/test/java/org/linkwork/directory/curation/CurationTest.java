package org.linkwork.directory.curation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.HsdsSchemas;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class CurationTest {

    private static ValidatableResponse send(String method, String path, Object body) {
        return given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body(body)
                .request(method, path).then();
    }

    private static String organization() {
        return send("POST", "/directory/curation/organizations",
                Map.of("name", "Headingley Community Trust", "description", "Activities for older people"))
                .statusCode(201).extract().path("id");
    }

    private static Map<String, Object> location(String organizationId) {
        return new HashMap<>(Map.of("organization_id", organizationId, "name", "St Michael's Church Hall",
                "address_1", "St Michael's Road", "city", "Leeds", "postal_code", "LS6 3AW", "latitude", 53.8195,
                "longitude", -1.5788, "accessibility", List.of("Step-free entrance")));
    }

    private static Map<String, Object> service(String organizationId, String locationId, String name) {
        return new HashMap<>(Map.of("organization_id", organizationId, "name", name,
                "description", "A gentle walk, then tea.", "minimum_age", 18, "places_per_session", 15,
                "self_referral", true, "location_ids", List.of(locationId),
                "taxonomy_term_ids", List.of(Directory.WALKING.toString()),
                "schedules", List.of(Map.of("byday", "TU", "opens_at", "10:00", "closes_at", "11:00")),
                "cost_options", List.of(Map.of("option", "Per walk", "amount", 0))));
    }

    @Test
    void aCuratorBuildsAServiceThatLinkWorkersThenFindNearItsPostcode() throws Exception {
        String tag = Directory.tag();
        String organization = organization();
        String location = send("POST", "/directory/curation/locations", location(organization)).statusCode(201)
                .body("addresses[0].postal_code", equalTo("LS6 3AW")).extract().path("id");
        String id = send("POST", "/directory/curation/services", service(organization, location, tag + " health walk"))
                .statusCode(201).body("version", equalTo(0)).extract().path("id");

        String json = given().auth().oauth2(Tokens.linkWorker()).queryParam("text", tag).queryParam("postcode", "LS6 3HN")
                .get("/directory/services").then().statusCode(200).body("contents.id", contains(id))
                .body("contents[0].capacity.places_per_session", equalTo(15))
                .body("contents[0].schedules[0].opens_at", equalTo("10:00")).extract().asString();
        HsdsSchemas.assertValid("service", new ObjectMapper().readTree(json).get("contents").get(0));
    }

    @Test
    void anUpdateWithTheVersionLastReadSucceedsAndAStaleOneIsAConflict() {
        String organization = organization();
        String location = send("POST", "/directory/curation/locations", location(organization)).extract().path("id");
        Map<String, Object> walk = service(organization, location, "Tuesday walk");
        String id = send("POST", "/directory/curation/services", walk).statusCode(201).extract().path("id");

        walk.put("version", 0);
        walk.put("name", "Tuesday and Thursday walk");
        walk.put("schedules", List.of(Map.of("byday", "TU,TH", "opens_at", "10:00", "closes_at", "11:30")));
        int version = send("PUT", "/directory/curation/services/" + id, walk).statusCode(200)
                .body("name", equalTo("Tuesday and Thursday walk")).body("schedules", hasSize(1))
                .body("attributes", hasSize(1)).extract().path("version");

        // A second curator still holding version 0 must not overwrite the first one's edit.
        walk.put("name", "Stale edit");
        send("PUT", "/directory/curation/services/" + id, walk).statusCode(409).contentType("application/problem+json");
        send("POST", "/directory/curation/services/" + id + "/withdraw", Map.of("version", 0)).statusCode(409);

        send("POST", "/directory/curation/services/" + id + "/withdraw", Map.of("version", version)).statusCode(200)
                .body("status", equalTo("inactive"));
        given().auth().oauth2(Tokens.linkWorker()).queryParam("text", "Tuesday Thursday walk").get("/directory/services")
                .then().body("contents.id", not(hasItem(id)));
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + id).then().statusCode(200)
                .body("status", equalTo("inactive")).body("name", equalTo("Tuesday and Thursday walk"));
    }

    @Test
    void publishingUpdatingAndWithdrawingAServiceAreEventsMatchingTheirPublishedSchemas() throws Exception {
        String organization = organization();
        String location = send("POST", "/directory/curation/locations", location(organization)).extract().path("id");
        Map<String, Object> walk = service(organization, location, "Evening walk");
        String id = send("POST", "/directory/curation/services", walk).statusCode(201).extract().path("id");
        walk.put("version", 0);
        walk.put("places_per_session", 20);
        int version = send("PUT", "/directory/curation/services/" + id, walk).statusCode(200).extract().path("version");
        send("POST", "/directory/curation/services/" + id + "/withdraw", Map.of("version", version)).statusCode(200);

        List<ConsumerRecord<String, String>> records = EventTopics.eventsOf("directory-events", id, 3);
        assertEquals(List.of(ServiceChanged.PUBLISHED, ServiceChanged.UPDATED, ServiceChanged.WITHDRAWN),
                records.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(EventTopics.header(record, "ce_type"), record.value());
        }
        given().get("/asyncapi/directory-events.yaml").then().statusCode(200);
    }

    @Test
    void organizationAndLocationUpdatesAreVersionedToo() {
        String organization = organization();
        send("PUT", "/directory/curation/organizations/" + organization,
                Map.of("name", "Renamed Trust", "description", "d", "version", 0)).statusCode(200).body("version", equalTo(1));
        send("PUT", "/directory/curation/organizations/" + organization,
                Map.of("name", "Stale", "description", "d", "version", 0)).statusCode(409);
        send("PUT", "/directory/curation/organizations/" + organization, Map.of("name", "No version", "description", "d"))
                .statusCode(400).body("errors[0].field", equalTo("version"));

        Map<String, Object> hall = location(organization);
        String location = send("POST", "/directory/curation/locations", hall).extract().path("id");
        hall.put("version", 0);
        hall.put("accessibility", List.of("Step-free entrance", "Hearing loop"));
        send("PUT", "/directory/curation/locations/" + location, hall).statusCode(200)
                .body("accessibility", hasSize(2)).body("version", equalTo(1));
        send("PUT", "/directory/curation/locations/" + location, hall).statusCode(409);
    }

    @Test
    void locationsMustHaveAUkPostcodeAndUkCoordinates() {
        String organization = organization();
        assertLocationRejected(organization, "postal_code", "ls6 3aw");
        assertLocationRejected(organization, "postal_code", "12345");
        // Latitude and longitude swapped: somewhere in the Indian Ocean.
        assertLocationRejected(organization, "latitude", -1.5788);
        assertLocationRejected(organization, "longitude", 53.8195);
        assertLocationRejected(organization, "latitude", 40.4);
        Map<String, Object> unknownOrganization = location(UUID.randomUUID().toString());
        send("POST", "/directory/curation/locations", unknownOrganization).statusCode(422)
                .body("errors[0].field", equalTo("organization_id"));
    }

    private static void assertLocationRejected(String organization, String field, Object value) {
        Map<String, Object> hall = location(organization);
        hall.put(field, value);
        send("POST", "/directory/curation/locations", hall).statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains(field));
    }

    @Test
    void servicesMustHaveValidTimesAgesAndReferences() {
        String organization = organization();
        String location = send("POST", "/directory/curation/locations", location(organization)).extract().path("id");
        assertServiceRejected(organization, location, "schedules",
                List.of(Map.of("byday", "TU", "opens_at", "25:00", "closes_at", "11:00")), 400, "schedules[0].opens_at");
        assertServiceRejected(organization, location, "schedules",
                List.of(Map.of("byday", "TU", "opens_at", "11:00", "closes_at", "10:00")), 400, "schedules[0].closes_at");
        assertServiceRejected(organization, location, "schedules",
                List.of(Map.of("byday", "TUESDAY", "opens_at", "10:00", "closes_at", "11:00")), 400, "schedules[0].byday");
        assertServiceRejected(organization, location, "maximum_age", 12, 400, "maximum_age");
        assertServiceRejected(organization, location, "minimum_age", -1, 400, "minimum_age");
        assertServiceRejected(organization, location, "status", "open", 400, "status");
        assertServiceRejected(organization, location, "taxonomy_term_ids", List.of(UUID.randomUUID().toString()),
                422, "taxonomy_term_ids[0]");
        assertServiceRejected(organization, location, "location_ids", List.of(UUID.randomUUID().toString()),
                422, "location_ids[0]");
    }

    private static void assertServiceRejected(String organization, String location, String field, Object value,
            int status, String reported) {
        Map<String, Object> walk = service(organization, location, "Invalid walk");
        walk.put(field, value);
        send("POST", "/directory/curation/services", walk).statusCode(status).contentType("application/problem+json")
                .body("errors.field", contains(reported));
    }

    @Test
    void onlyCuratorsMayCurate() {
        given().contentType(ContentType.JSON).body("{}").post("/directory/curation/organizations").then().statusCode(401);
        given().auth().oauth2(Tokens.linkWorker()).contentType(ContentType.JSON)
                .body(Map.of("name", "X", "description", "Y")).post("/directory/curation/organizations")
                .then().statusCode(403).contentType("application/problem+json");
    }
}
