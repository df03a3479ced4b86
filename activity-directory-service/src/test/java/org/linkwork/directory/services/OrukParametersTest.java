package org.linkwork.directory.services;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/** The ORUK 3.0 query parameters, as the standard names them, read without a token as open-data feeds do. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class OrukParametersTest {

    private static RequestSpecification feed() {
        return given().header("X-Forwarded-For", "198.51.100.23");
    }

    private static String organizationOf(UUID service) {
        return feed().get("/directory/services/" + service).then().statusCode(200).extract().path("organization_id");
    }

    @Test
    void searchIsTheOrukNameForTextSearchAndTextStaysAnAlias() {
        String tag = Directory.tag();
        String walk = Directory.add(new ServiceSpec(tag + " walking club")).toString();
        Directory.add(new ServiceSpec("Unrelated choir " + Directory.tag()));

        feed().queryParam("search", tag).get("/directory/services").then().statusCode(200)
                .body("total_items", equalTo(1)).body("contents.id", contains(walk));
        feed().queryParam("text", tag).get("/directory/services").then().statusCode(200).body("contents.id", contains(walk));
        feed().queryParam("search", tag).queryParam("text", "choir").get("/directory/services").then()
                .body("contents.id", contains(walk));
    }

    @Test
    void organizationIdKeepsTheServicesThatOrganizationProvides() {
        String tag = Directory.tag();
        UUID mine = Directory.add(new ServiceSpec(tag + " lunch club"));
        Directory.add(new ServiceSpec(tag + " choir"));

        feed().queryParam("search", tag).queryParam("organization_id", organizationOf(mine)).get("/directory/services")
                .then().statusCode(200).body("contents.id", contains(mine.toString()));
        feed().queryParam("organization_id", organizationOf(mine)).get("/directory/service_at_locations").then()
                .statusCode(200).body("contents.service_id", contains(mine.toString()));
    }

    @Test
    void modifiedAfterKeepsServicesChangedAtOrAfterThatInstant() {
        String tag = Directory.tag();
        Directory.add(new ServiceSpec(tag + " winter walk").modified(OffsetDateTime.parse("2026-01-10T12:00:00Z")));
        String spring = Directory.add(new ServiceSpec(tag + " spring walk").modified(OffsetDateTime.parse("2026-03-01T00:00:00Z")))
                .toString();
        String summer = Directory.add(new ServiceSpec(tag + " summer walk").modified(OffsetDateTime.parse("2026-06-01T08:30:00+01:00")))
                .toString();

        feed().queryParam("search", tag).queryParam("modified_after", "2026-03-01T00:00:00Z").get("/directory/services").then()
                .statusCode(200).body("contents.id", containsInAnyOrder(spring, summer));
        feed().queryParam("search", tag).queryParam("modified_after", "2026-03-02").get("/directory/services").then()
                .statusCode(200).body("contents.id", contains(summer));
        feed().queryParam("search", tag).queryParam("modified_after", "2026-06-01T08:00:00+01:00").get("/directory/services")
                .then().body("contents.id", contains(summer));
    }

    @Test
    void serviceAtLocationsFilterByTaxonomyAndModifiedAfterToo() {
        String tag = Directory.tag();
        UUID term = Directory.term(tag + " term");
        UUID recent = Directory.add(new ServiceSpec(tag + " new group").terms(term).modified(OffsetDateTime.parse("2026-09-01T10:00:00Z")));
        String organization = organizationOf(recent);

        feed().queryParam("organization_id", organization).queryParam("taxonomy_id", Directory.TAXONOMY.toString())
                .queryParam("modified_after", "2026-08-31T00:00:00Z").get("/directory/service_at_locations").then().statusCode(200)
                .body("contents.service_id", contains(recent.toString()));
        feed().queryParam("organization_id", organization).queryParam("modified_after", "2026-09-02")
                .get("/directory/service_at_locations").then().statusCode(200).body("total_items", equalTo(0));
    }

    @Test
    void malformedOrukParametersAreProblemsNamingTheParameter() {
        for (String path : new String[] { "/directory/services", "/directory/service_at_locations" }) {
            rejected(path, "organization_id", "not-a-uuid");
            rejected(path, "modified_after", "yesterday");
            rejected(path, "modified_after", "2026-05-15T09:00");
            rejected(path, "taxonomy_id", "walking");
        }
    }

    private static void rejected(String path, String parameter, String value) {
        feed().queryParam(parameter, value).get(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(parameter));
    }
}
