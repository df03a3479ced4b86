package org.linkwork.directory.oruk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.HsdsSchemas;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class OrukResponsesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode get(String path) throws Exception {
        return JSON.readTree(given().auth().oauth2(Tokens.linkWorker()).get(path).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    @Test
    void aFullyNestedServiceMatchesTheHsdsServiceSchemaAndCarriesCapacityAndReferralRoutes() throws Exception {
        UUID id = Directory.add(new ServiceSpec(Directory.tag() + " health walk"));
        JsonNode service = get("/directory/services/" + id);

        HsdsSchemas.assertValid("service", service);
        given().auth().oauth2(Tokens.gp()).get("/directory/services/" + id).then().statusCode(200)
                .body("id", equalTo(id.toString())).body("status", equalTo("active"))
                .body("minimum_age", equalTo(18))
                .body("schedules[0].byday", equalTo("TU")).body("schedules[0].opens_at", equalTo("10:00"))
                .body("service_at_locations[0].location.addresses[0].postal_code", equalTo("LS6 3HN"))
                .body("service_at_locations[0].location.latitude", notNullValue())
                .body("service_at_locations[0].location.accessibility[0].description", notNullValue())
                .body("attributes[0].taxonomy_term.code", equalTo("walking"))
                .body("cost_options[0].amount", equalTo(2.5f)).body("languages[0].code", equalTo("en"))
                .body("contacts[0].phones[0].number", equalTo("0113 496 0000"))
                .body("organization.name", notNullValue())
                .body("capacity.places_per_session", equalTo(12)).body("capacity.places_taken", equalTo(4))
                .body("capacity.places_available", equalTo(8))
                .body("referral.self_referral", equalTo(true)).body("referral.link_worker_referral", equalTo(true));
    }

    @Test
    void theSchemaCheckRejectsAServiceOutsideTheStandard() throws Exception {
        JsonNode invalid = JSON.readTree("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Walk\",\"status\":\"open\","
                + "\"schedules\":[{\"freq\":\"DAILY\"}]}");
        assertThrows(AssertionFailedError.class, () -> HsdsSchemas.assertValid("service", invalid));
    }

    @Test
    void everySearchResultMatchesTheHsdsServiceSchema() throws Exception {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " one"));
        Directory.add(new ServiceSpec(tag + " two").at(Directory.BRADFORD));
        JsonNode page = get("/directory/services?text=" + tag + "&postcode=LS6");

        for (JsonNode service : page.get("contents")) {
            HsdsSchemas.assertValid("service", service);
        }
    }

    @Test
    void taxonomiesAndTermsMatchTheirHsdsSchemas() throws Exception {
        for (JsonNode taxonomy : get("/directory/taxonomies").get("contents")) {
            HsdsSchemas.assertValid("taxonomy", taxonomy);
        }
        for (JsonNode term : get("/directory/taxonomy_terms?per_page=200").get("contents")) {
            HsdsSchemas.assertValid("taxonomy_term", term);
        }
        HsdsSchemas.assertValid("taxonomy_term", get("/directory/taxonomy_terms/" + Directory.WALKING));
        HsdsSchemas.assertValid("taxonomy", get("/directory/taxonomies/" + Directory.TAXONOMY));
    }

    @Test
    void theSocialPrescribingVocabularyIsSeededWithItsHierarchy() {
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/taxonomy_terms?per_page=200").then().statusCode(200)
                .body("total_items", greaterThanOrEqualTo(18))
                .body("contents.code", hasItem("befriending")).body("contents.code", hasItem("money-and-debt-advice"));
        given().auth().oauth2(Tokens.linkWorker()).queryParam("parent_id", Directory.PHYSICAL_ACTIVITY.toString())
                .get("/directory/taxonomy_terms").then().statusCode(200).body("total_items", equalTo(2));
    }

    @Test
    void organizationsMatchTheHsdsOrganizationSchema() throws Exception {
        UUID service = Directory.add(new ServiceSpec(Directory.tag() + " lunch club"));
        String organizationId = given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + service)
                .then().extract().path("organization_id");

        HsdsSchemas.assertValid("organization", get("/directory/organizations/" + organizationId));
        for (JsonNode organization : get("/directory/organizations?per_page=20").get("contents")) {
            HsdsSchemas.assertValid("organization", organization);
        }
    }

    @Test
    void theApiRootNamesTheHsdsVersionAndProfile() {
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/").then().statusCode(200)
                .body("version", equalTo("3.0")).body("profile", notNullValue()).body("openapi_url", notNullValue());
    }

    @Test
    void unknownIdsAreNotFoundAsProblems() {
        for (String path : new String[] { "/directory/services/", "/directory/organizations/", "/directory/taxonomies/",
                "/directory/taxonomy_terms/" }) {
            given().auth().oauth2(Tokens.linkWorker()).get(path + UUID.randomUUID()).then().statusCode(404)
                    .contentType("application/problem+json");
        }
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
    }
}
