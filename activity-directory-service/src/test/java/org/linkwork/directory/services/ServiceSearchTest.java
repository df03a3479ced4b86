package org.linkwork.directory.services;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.HsdsSchemas;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceSearchTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification linkWorker() {
        return given().auth().oauth2(Tokens.linkWorker());
    }

    @Test
    void textFindsServicesByNameOrDescriptionAndRanksNameMatchesFirst() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec("Knit and natter").description("Mentions " + tag + " in passing."));
        Directory.add(new ServiceSpec(tag + " walking club"));
        Directory.add(new ServiceSpec("Unrelated choir"));

        linkWorker().queryParam("text", tag).get("/directory/services").then().statusCode(200)
                .body("total_items", equalTo(2))
                .body("contents.name", contains(tag + " walking club", "Knit and natter"));
    }

    @Test
    void aNameMatchOutranksATaxonomyTermMatchWhichOutranksADescriptionMatch() throws Exception {
        String tag = Directory.tag();
        UUID term = Directory.term(tag + " circle");
        String byDescription = Directory.add(new ServiceSpec("Tuesday coffee morning").description("Also called " + tag + ".")
                .terms(Directory.WALKING)).toString();
        String byTerm = Directory.add(new ServiceSpec("Thursday coffee morning").terms(term)).toString();
        String byName = Directory.add(new ServiceSpec(tag + " coffee morning").terms(Directory.WALKING)).toString();

        linkWorker().queryParam("text", tag).get("/directory/services").then().statusCode(200)
                .body("contents.id", contains(byName, byTerm, byDescription));

        // The stored vector follows a term's rename and a service losing its term.
        String renamed = Directory.tag();
        QuarkusTransaction.requiringNew().run(() -> CDI.current().select(EntityManager.class).get()
                .createNativeQuery("UPDATE taxonomy_term SET name = ?1 WHERE id = ?2").setParameter(1, renamed)
                .setParameter(2, term).executeUpdate());
        linkWorker().queryParam("text", renamed).get("/directory/services").then().body("contents.id", contains(byTerm));
        ObjectNode export = (ObjectNode) JSON.readTree(linkWorker().get("/directory/services/" + byTerm).asString());
        export.putArray("attributes");
        given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body("[" + export + "]")
                .post("/directory/curation/import").then().statusCode(200);
        linkWorker().queryParam("text", tag).get("/directory/services").then().body("contents.id", contains(byName, byDescription));
        linkWorker().queryParam("text", renamed).get("/directory/services").then().body("total_items", equalTo(0));
    }

    @Test
    void inactiveServicesAreNotListed() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " open group"));
        Directory.add(new ServiceSpec(tag + " closed group").status("inactive"));

        linkWorker().queryParam("text", tag).get("/directory/services").then().statusCode(200)
                .body("contents.name", contains(tag + " open group"));
    }

    @Test
    void taxonomyTermAndTaxonomyFilterByClassification() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " walk").terms(Directory.WALKING));
        Directory.add(new ServiceSpec(tag + " ballroom").terms(Directory.DANCE, Directory.PHYSICAL_ACTIVITY));
        Directory.add(new ServiceSpec(tag + " pottery").terms(Directory.ARTS_AND_CRAFTS));

        linkWorker().queryParam("text", tag).queryParam("taxonomy_term_id", Directory.DANCE.toString())
                .get("/directory/services").then().statusCode(200)
                .body("contents.name", contains(tag + " ballroom"))
                .body("contents[0].attributes.taxonomy_term.code", containsInAnyOrder("dance", "physical-activity"));
        linkWorker().queryParam("text", tag).queryParam("taxonomy_id", Directory.TAXONOMY.toString())
                .get("/directory/services").then().statusCode(200).body("total_items", equalTo(3));
        linkWorker().queryParam("text", tag).queryParam("taxonomy_id", "00000000-0000-0000-0000-000000000000")
                .get("/directory/services").then().statusCode(200).body("total_items", equalTo(0)).body("empty", equalTo(true));
    }

    @Test
    void nearAPostcodeResultsAreOrderedByDistanceAndCarryItInMetres() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " york").at(Directory.YORK));
        Directory.add(new ServiceSpec(tag + " headingley").at(Directory.HEADINGLEY));
        Directory.add(new ServiceSpec(tag + " bradford").at(Directory.BRADFORD));
        Directory.add(new ServiceSpec(tag + " city").at(Directory.LEEDS_CENTRE));

        List<Integer> distances = linkWorker().queryParam("text", tag).queryParam("postcode", "ls6 1aa")
                .get("/directory/services").then().statusCode(200)
                .body("contents.name", contains(tag + " headingley", tag + " city", tag + " bradford", tag + " york"))
                .extract().path("contents.distance");
        // LS6 centroid to itself, to LS1 (about 2.6 km), to BD1 (about 13 km) and to YO1 (about 36 km).
        assertTrue(distances.get(0) == 0, distances::toString);
        assertTrue(distances.get(1) > 2_000 && distances.get(1) < 3_500, distances::toString);
        assertTrue(distances.get(2) > 11_000 && distances.get(2) < 15_000, distances::toString);
        assertTrue(distances.get(3) > 30_000 && distances.get(3) < 45_000, distances::toString);

        linkWorker().queryParam("text", tag).queryParam("postcode", "LS6").queryParam("proximity", 5000)
                .get("/directory/services").then().statusCode(200).body("total_items", equalTo(2))
                .body("contents.name", contains(tag + " headingley", tag + " city"));
    }

    @Test
    void aServiceAtSeveralLocationsIsListedOnceAtItsNearestDistance() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " two venues").at(Directory.YORK, Directory.LEEDS_CENTRE));

        linkWorker().queryParam("text", tag).queryParam("postcode", "LS1 1UR").get("/directory/services").then()
                .statusCode(200).body("total_items", equalTo(1)).body("contents[0].distance", equalTo(0));
    }

    @Test
    void ageFiltersKeepServicesWhoseEligibleAgesOverlapThePersons() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " youth").ages(11, 18));
        Directory.add(new ServiceSpec(tag + " over fifties").ages(50, null));
        Directory.add(new ServiceSpec(tag + " everyone").ages(null, null));

        linkWorker().queryParam("text", tag).queryParam("minimum_age", 70).queryParam("maximum_age", 70)
                .get("/directory/services").then().statusCode(200)
                .body("contents.name", containsInAnyOrder(tag + " over fifties", tag + " everyone"));
        linkWorker().queryParam("text", tag).queryParam("maximum_age", 16).get("/directory/services").then()
                .statusCode(200).body("contents.name", containsInAnyOrder(tag + " youth", tag + " everyone"));
    }

    @Test
    void dayKeepsServicesWithASessionThatDayByCodeOrName() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " tuesdays").on("TU"));
        Directory.add(new ServiceSpec(tag + " mon and thu").on("MO,TH"));

        linkWorker().queryParam("text", tag).queryParam("day", "TH").get("/directory/services").then()
                .statusCode(200).body("contents.name", contains(tag + " mon and thu"));
        linkWorker().queryParam("text", tag).queryParam("day", "tuesday").get("/directory/services").then()
                .statusCode(200).body("contents.name", contains(tag + " tuesdays"));
    }

    @Test
    void filtersCombineTextTaxonomyAgeDayAndProximity() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " match").terms(Directory.WALKING).ages(50, null).on("WE"));
        Directory.add(new ServiceSpec(tag + " wrong term").terms(Directory.DANCE).ages(50, null).on("WE"));
        Directory.add(new ServiceSpec(tag + " too far").terms(Directory.WALKING).ages(50, null).on("WE").at(Directory.YORK));
        Directory.add(new ServiceSpec(tag + " wrong day").terms(Directory.WALKING).ages(50, null).on("FR"));
        Directory.add(new ServiceSpec(tag + " too old").terms(Directory.WALKING).ages(18, 25).on("WE"));

        linkWorker().queryParam("text", tag).queryParam("taxonomy_term_id", Directory.WALKING.toString())
                .queryParam("postcode", "LS6 2AA").queryParam("proximity", 5000).queryParam("minimum_age", 67)
                .queryParam("maximum_age", 67).queryParam("day", "WE")
                .get("/directory/services").then().statusCode(200).body("total_items", equalTo(1))
                .body("contents.name", contains(tag + " match"));
    }

    @Test
    void pagesFollowTheOrukEnvelopeUpToAndPastTheLastPage() {
        String tag = Directory.tag();
        for (int i = 1; i <= 5; i++) {
            Directory.add(new ServiceSpec(tag + " group " + i));
        }
        linkWorker().queryParam("text", tag).queryParam("per_page", 2).get("/directory/services").then().statusCode(200)
                .body("total_items", equalTo(5)).body("total_pages", equalTo(3)).body("page_number", equalTo(1))
                .body("size", equalTo(2)).body("first_page", equalTo(true)).body("last_page", equalTo(false))
                .body("empty", equalTo(false)).body("contents.name", contains(tag + " group 1", tag + " group 2"));
        linkWorker().queryParam("text", tag).queryParam("per_page", 2).queryParam("page", 3).get("/directory/services")
                .then().statusCode(200).body("size", equalTo(1)).body("first_page", equalTo(false))
                .body("last_page", equalTo(true)).body("contents.name", contains(tag + " group 5"));
        linkWorker().queryParam("text", tag).queryParam("per_page", 2).queryParam("page", 4).get("/directory/services")
                .then().statusCode(200).body("total_items", equalTo(5)).body("size", equalTo(0))
                .body("empty", equalTo(true)).body("last_page", equalTo(true)).body("contents", empty());
        linkWorker().queryParam("text", tag).queryParam("per_page", 5).get("/directory/services").then()
                .body("total_pages", equalTo(1)).body("first_page", equalTo(true)).body("last_page", equalTo(true));
    }

    @Test
    void fullFalseListsEachServiceWithItsOneToOneFieldsOnlyAsHsdsServiceList() throws Exception {
        String tag = Directory.tag();
        UUID id = Directory.add(new ServiceSpec(tag + " walk").terms(Directory.WALKING).on("TU").ages(50, null));

        String nested = linkWorker().queryParam("text", tag).get("/directory/services").then().statusCode(200)
                .extract().asString();
        ObjectNode full = (ObjectNode) JSON.readTree(nested).get("contents").get(0);
        assertTrue(full.has("attributes") && full.has("schedules") && full.has("service_at_locations"), full.toString());

        String listed = linkWorker().queryParam("text", tag).queryParam("full", "false").queryParam("postcode", "LS6 2AA")
                .get("/directory/services").then().statusCode(200).body("total_items", equalTo(1)).extract().asString();
        ObjectNode item = (ObjectNode) JSON.readTree(listed).get("contents").get(0);
        assertEquals(id.toString(), item.get("id").asText());
        assertEquals(tag + " walk", item.get("name").asText());
        assertEquals(50, item.get("minimum_age").asInt());
        assertTrue(item.has("organization") && item.has("distance") && item.has("last_modified"), item.toString());
        for (String nestedList : List.of("schedules", "service_at_locations", "attributes", "contacts", "cost_options", "languages")) {
            assertFalse(item.has(nestedList), nestedList + " in " + item);
        }
        HsdsSchemas.assertValid("service", item);
        assertTrue(listed.length() * 2 < nested.length(), "a listed page is not smaller: " + listed.length() + " vs " + nested.length());
    }

    @Test
    void minimalGivesEachServicesIdAndLastModifiedOnly() throws Exception {
        String tag = Directory.tag();
        UUID id = Directory.add(new ServiceSpec(tag + " choir").terms(Directory.DANCE));

        String body = linkWorker().queryParam("text", tag).queryParam("minimal", "true").get("/directory/services").then()
                .statusCode(200).body("total_items", equalTo(1)).extract().asString();
        ObjectNode item = (ObjectNode) JSON.readTree(body).get("contents").get(0);
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "last_modified"), fields);
        assertEquals(id.toString(), item.get("id").asText());
    }

    @Test
    void anUnknownPostcodeDistrictIsUnprocessableAndNamesThePostcode() {
        linkWorker().queryParam("postcode", "ZZ9 9ZZ").get("/directory/services").then().statusCode(422)
                .contentType("application/problem+json").body("errors[0].field", equalTo("postcode"));
    }

    @Test
    void malformedParametersAreRejectedNamingTheParameter() {
        assertRejected("postcode", "not a postcode");
        assertRejected("per_page", "0");
        assertRejected("per_page", "201");
        assertRejected("page", "0");
        assertRejected("day", "someday");
        assertRejected("taxonomy_term_id", "walking");
        assertRejected("taxonomy_id", "x");
        assertRejected("minimum_age", "-1");
        assertRejected("full", "yes");
        assertRejected("minimal", "1");
        linkWorker().queryParam("minimal", "true").queryParam("full", "true").get("/directory/services").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("minimal"));
        linkWorker().queryParam("minimum_age", 60).queryParam("maximum_age", 30).get("/directory/services").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("maximum_age"));
        linkWorker().queryParam("proximity", 1000).get("/directory/services").then().statusCode(400)
                .body("errors[0].field", equalTo("proximity"));
    }

    private static void assertRejected(String parameter, String value) {
        linkWorker().queryParam(parameter, value).get("/directory/services").then().statusCode(400)
                .contentType("application/problem+json").body("errors", hasSize(1))
                .body("errors[0].field", equalTo(parameter));
    }
}
