package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Every FHIR operation in the OpenAPI document is one a client generator can use: an operationId, a description,
 * a success response with an example, and its security (none for the CapabilityStatement, which is open).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirOpenApiTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyFhirOperationHasAnIdADescriptionAnExampleAnswerAndItsSecurity() {
        Map<String, Map<String, Map<String, Object>>> paths = given().queryParam("format", "json").get("/q/openapi")
                .then().statusCode(200).extract().path("paths");
        List<String> fhirPaths = paths.keySet().stream().filter(p -> p.startsWith("/fhir/")).toList();
        List<String> methods = List.of("get", "post", "put", "patch", "delete");
        assertEquals(10, fhirPaths.stream().mapToLong(p -> paths.get(p).keySet().stream().filter(methods::contains).count())
                .sum(), fhirPaths::toString);
        fhirPaths.forEach(path -> paths.get(path).entrySet().stream().filter(e -> methods.contains(e.getKey())).forEach(e -> {
            String method = e.getKey();
            Map<String, Object> operation = e.getValue();
            String name = method + " " + path;
            assertNotNull(operation.get("operationId"), name);
            assertFalse(((String) operation.get("description")).isBlank(), name);
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            Map<String, Object> success = responses.entrySet().stream().filter(r -> r.getKey().startsWith("2"))
                    .map(Map.Entry::getValue).findFirst().orElseThrow(() -> new AssertionError(name + ": no 2xx"));
            Map<String, Map<String, Object>> content = (Map<String, Map<String, Object>>) success.get("content");
            assertTrue(content.get(FhirClient.FHIR_JSON).containsKey("examples"), name);
            List<Map<String, Object>> security = (List<Map<String, Object>>) operation.get("security");
            assertNotNull(security, name + " declares no security");
            assertEquals(path.equals("/fhir/metadata"), security.isEmpty(), name);
        }));
    }
}
