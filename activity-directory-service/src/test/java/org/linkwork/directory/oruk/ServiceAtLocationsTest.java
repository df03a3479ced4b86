package org.linkwork.directory.oruk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
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
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceAtLocationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static RequestSpecification linkWorker() {
        return given().auth().oauth2(Tokens.linkWorker());
    }

    @Test
    void eachPlaceAServiceIsDeliveredIsListedWithItsLocationAndTheServicesOwnFields() throws Exception {
        UUID term = Directory.term(Directory.tag());
        String id = Directory.add(new ServiceSpec(Directory.tag() + " choir").terms(term)
                .at(Directory.HEADINGLEY, Directory.YORK)).toString();
        Directory.add(new ServiceSpec(Directory.tag() + " closed choir").terms(term).status("inactive"));

        String body = linkWorker().queryParam("taxonomy_term_id", term.toString()).get("/directory/service_at_locations").then()
                .statusCode(200).body("total_items", equalTo(2)).body("contents.service_id", everyItem(equalTo(id)))
                .body("contents.location.addresses.flatten().postal_code", containsInAnyOrder("LS6 3HN", "YO1 7HH"))
                .body("contents[0].service.capacity.places_available", equalTo(8))
                .body("contents[0].service.schedules", nullValue()).extract().asString();
        for (JsonNode item : JSON.readTree(body).get("contents")) {
            HsdsSchemas.assertValid("service_at_location", item);
        }
        String first = JSON.readTree(body).get("contents").get(0).get("id").asText();

        String one = linkWorker().get("/directory/service_at_locations/" + first).then().statusCode(200)
                .body("service.id", equalTo(id)).body("service.schedules", hasSize(1))
                .body("service.service_at_locations", hasSize(2)).extract().asString();
        HsdsSchemas.assertValid("service_at_location", JSON.readTree(one));
        HsdsSchemas.assertValid("service", JSON.readTree(one).get("service"));

        linkWorker().queryParam("taxonomy_term_id", term.toString()).queryParam("organization_id", UUID.randomUUID().toString())
                .get("/directory/service_at_locations").then().statusCode(200).body("total_items", equalTo(0));
        linkWorker().queryParam("taxonomy_term_id", term.toString()).queryParam("per_page", 1).queryParam("page", 2)
                .get("/directory/service_at_locations").then().statusCode(200).body("contents", hasSize(1))
                .body("last_page", equalTo(true)).body("total_pages", equalTo(2));
    }

    @Test
    void badIdentifiersAreProblemsNamingTheParameter() {
        linkWorker().get("/directory/service_at_locations/" + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json");
        linkWorker().get("/directory/service_at_locations/not-a-uuid").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        linkWorker().queryParam("organization_id", "nope").get("/directory/service_at_locations").then().statusCode(400)
                .body("errors[0].field", equalTo("organization_id"));
    }
}
