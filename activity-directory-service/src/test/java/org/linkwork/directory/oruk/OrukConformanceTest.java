package org.linkwork.directory.oruk;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.HsdsSchemas;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.opentest4j.AssertionFailedError;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.specification.RequestSpecification;

/**
 * Every read endpoint of the ORUK 3.0 OpenAPI, called as an open-data reader (no token) and as a
 * link worker (who also sees capacity), answers what that operation's response schema allows, with
 * the standard's compiled schemas and format assertions (RFC 3339 date-times with seconds, absolute URIs).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class OrukConformanceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A last change on the whole minute: the case OffsetDateTime.toString() writes without seconds. */
    private static final OffsetDateTime ON_THE_MINUTE = OffsetDateTime.parse("2026-05-15T09:00Z");

    private static String tag;
    private static UUID service;
    private static String organization;
    private static String serviceAtLocation;

    /** Once per class, but inside a test: the application is not listening yet when {@code @BeforeAll} runs. */
    private static synchronized void aServiceLastChangedOnTheMinute() throws Exception {
        if (tag != null) {
            return;
        }
        tag = Directory.tag();
        service = Directory.add(new ServiceSpec(tag + " tea dance").modified(ON_THE_MINUTE).terms(Directory.DANCE));
        JsonNode read = JSON.readTree(given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + service)
                .then().statusCode(200).extract().asString());
        organization = read.get("organization_id").asText();
        serviceAtLocation = read.get("service_at_locations").get(0).get("id").asText();
    }

    private static RequestSpecification anonymous() {
        // A client address of this class's own, so other tests' reads without a token do not share its rate limit.
        return given().header("X-Forwarded-For", "198.51.100.17");
    }

    private static JsonNode read(RequestSpecification caller, String path) throws Exception {
        return JSON.readTree(caller.get(path).then().statusCode(200).contentType("application/json").extract().asString());
    }

    @Test
    void everyOrukReadEndpointMatchesItsResponseSchemaWithAndWithoutAToken() throws Exception {
        aServiceLastChangedOnTheMinute();
        Set<String> checked = new HashSet<>();
        for (boolean withToken : new boolean[] { false, true }) {
            String[][] calls = {
                    { "/", "/directory/" },
                    { "/services", "/directory/services?search=" + tag },
                    { "/services/{id}", "/directory/services/" + service },
                    { "/taxonomies", "/directory/taxonomies" },
                    { "/taxonomies/{id}", "/directory/taxonomies/" + Directory.TAXONOMY },
                    { "/taxonomy_terms", "/directory/taxonomy_terms?per_page=200" },
                    { "/taxonomy_terms/{id}", "/directory/taxonomy_terms/" + Directory.DANCE },
                    { "/organizations", "/directory/organizations?per_page=200" },
                    { "/organizations/{id}", "/directory/organizations/" + organization },
                    { "/service_at_locations", "/directory/service_at_locations?organization_id=" + organization },
                    { "/service_at_locations/{id}", "/directory/service_at_locations/" + serviceAtLocation } };
            for (String[] call : calls) {
                RequestSpecification caller = withToken ? given().auth().oauth2(Tokens.linkWorker()) : anonymous();
                JsonNode body = read(caller, call[1]);
                HsdsSchemas.assertOrukResponse(call[0], body);
                if (body.has("contents")) {
                    assertEquals(false, body.get("empty").asBoolean(), call[1] + " found nothing to check");
                }
                checked.add(call[0]);
            }
        }
        assertEquals(orukPaths(), new TreeSet<>(checked), "every GET of the ORUK OpenAPI is checked");
    }

    @Test
    void lastModifiedIsRfc3339WithSecondsInEveryServiceShape() throws Exception {
        aServiceLastChangedOnTheMinute();
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + service).then().statusCode(200)
                .body("last_modified", equalTo("2026-05-15T09:00:00Z"));
        anonymous().get("/directory/services?search=" + tag).then().statusCode(200)
                .body("contents[0].last_modified", equalTo("2026-05-15T09:00:00Z"));
        anonymous().get("/directory/service_at_locations/" + serviceAtLocation).then().statusCode(200)
                .body("service.last_modified", equalTo("2026-05-15T09:00:00Z"));
        anonymous().get("/directory/service_at_locations?organization_id=" + organization).then().statusCode(200)
                .body("contents[0].service.last_modified", equalTo("2026-05-15T09:00:00Z"));
    }

    @Test
    void theResponseSchemasRefuseADateTimeWithoutSecondsAndARelativeOpenapiUrl() throws Exception {
        JsonNode service = JSON.readTree("{\"id\":\"" + UUID.randomUUID() + "\",\"name\":\"Walk\",\"status\":\"active\","
                + "\"last_modified\":\"2026-05-15T09:00Z\"}");
        assertThrows(AssertionFailedError.class, () -> HsdsSchemas.assertOrukResponse("/services/{id}", service));
        JsonNode root = JSON.readTree("{\"version\":\"3.0\",\"profile\":\"https://openreferral.org.uk/profile/3.0\","
                + "\"openapi_url\":\"/q/openapi\"}");
        assertThrows(AssertionFailedError.class, () -> HsdsSchemas.assertOrukResponse("/", root));
    }

    @Test
    void theApiRootLinksToTheOpenApiDocumentTheGatewayPublishes() {
        anonymous().get("/directory/").then().statusCode(200)
                .body("openapi_url", equalTo("http://localhost:" + io.restassured.RestAssured.port + "/openapi/directory"));
        anonymous().header("Host", "linkwork.example.nhs.uk").get("/directory/").then().statusCode(200)
                .body("openapi_url", equalTo("http://linkwork.example.nhs.uk/openapi/directory"));
    }

    private static Set<String> orukPaths() throws Exception {
        try (InputStream in = OrukConformanceTest.class.getClassLoader().getResourceAsStream("hsds-3.0/openapi.json")) {
            Set<String> paths = new TreeSet<>();
            JSON.readTree(in).get("paths").fields().forEachRemaining(path -> {
                if (path.getValue().has("get")) {
                    paths.add(path.getKey());
                }
            });
            return paths;
        }
    }
}
