package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.Enumerations;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** The CapabilityStatement tells the truth: everything it declares works, and nothing it leaves out is accepted. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirCapabilityStatementTest {

    /** A value a caller would send for each declared search parameter, as the parameter's documentation says. */
    private static final Map<String, String> EXAMPLES = Map.ofEntries(
            Map.entry("ServiceRequest.patient", "patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919"),
            Map.entry("ServiceRequest.status", "status=active,completed"),
            Map.entry("ServiceRequest.requester", "requester:identifier=https://fhir.nhs.uk/Id/ods-organization-code|B86043"),
            Map.entry("ServiceRequest.authored", "authored=ge2026-11-01&authored=lt2026-12-01T00:00:00Z"),
            Map.entry("ServiceRequest._lastUpdated", "_lastUpdated=gt2026-11-01"),
            Map.entry("Task.based-on", "based-on=ServiceRequest/" + UUID.randomUUID()),
            Map.entry("Task.patient", "patient.identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919"),
            Map.entry("Task.status", "status=requested,in-progress"),
            Map.entry("Task._lastUpdated", "_lastUpdated=le2026-12-01"),
            Map.entry("Observation.based-on", "based-on=ServiceRequest/" + UUID.randomUUID()),
            Map.entry("Observation.patient", "patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765919"),
            Map.entry("Observation._lastUpdated", "_lastUpdated=gt2026-11-01T09:00:00Z"),
            Map.entry("_count", "_count=5"),
            Map.entry("_cursor", "_cursor=2026-11-20T10:20:03.512Z~" + UUID.randomUUID()));

    @Test
    void theCapabilityStatementIsReadableWithoutATokenAndValid() {
        CapabilityStatement capability = capability();
        assertEquals(Enumerations.FHIRVersion._4_0_1, capability.getFhirVersion());
        assertEquals(List.of("ServiceRequest", "Patient", "Task", "Observation"),
                capability.getRestFirstRep().getResource().stream().map(r -> r.getType()).toList());
        assertEquals(UkCore.SERVICE_REQUEST, resource(capability, "ServiceRequest").getProfile());
        assertEquals(UkCore.PATIENT, resource(capability, "Patient").getProfile());
        assertEquals(UkCore.TASK, resource(capability, "Task").getProfile());
        assertEquals(UkCore.OBSERVATION, resource(capability, "Observation").getProfile());
    }

    @Test
    void everyDeclaredSearchParameterAndIncludeIsAcceptedByItsRoute() {
        CapabilityStatement capability = capability();
        String gp = Tokens.gp("dr-patel", "B86043");
        for (CapabilityStatementRestResourceComponent resource : capability.getRestFirstRep().getResource()) {
            for (var parameter : resource.getSearchParam()) {
                String query = EXAMPLES.get(resource.getType() + "." + parameter.getName());
                assertNotNull(query, "no example for declared " + resource.getType() + "." + parameter.getName());
                FhirClient.validGet(gp, "/fhir/" + resource.getType() + "?" + query);
            }
            for (var include : resource.getSearchInclude()) {
                FhirClient.validGet(gp, "/fhir/" + resource.getType() + "?_include=" + include.getValue());
            }
            if (hasInteraction(resource, TypeRestfulInteraction.SEARCHTYPE)) {
                for (var parameter : capability.getRestFirstRep().getSearchParam()) {
                    assertNotNull(EXAMPLES.get(parameter.getName()), "no example for declared " + parameter.getName());
                    FhirClient.validGet(gp, "/fhir/" + resource.getType() + "?" + EXAMPLES.get(parameter.getName()));
                }
            }
        }
    }

    @Test
    void everyDeclaredInteractionHasARouteAndUndeclaredOnesAreRefused() {
        CapabilityStatement capability = capability();
        String gp = Tokens.gp("dr-patel", "B86043");
        for (CapabilityStatementRestResourceComponent resource : capability.getRestFirstRep().getResource()) {
            String type = resource.getType();
            // Declared read: a route that answers an unknown id with 404, not 405; search: 200 or, undeclared, no route.
            given().auth().oauth2(gp).get("/fhir/" + type + "/" + UUID.randomUUID()).then()
                    .statusCode(hasInteraction(resource, TypeRestfulInteraction.READ) ? 404 : 405);
            int search = given().auth().oauth2(gp).get("/fhir/" + type).then().extract().statusCode();
            assertEquals(hasInteraction(resource, TypeRestfulInteraction.SEARCHTYPE), search == 200, type + " search: " + search);
            int create = given().auth().oauth2(gp).contentType(FhirClient.FHIR_JSON).body("{\"resourceType\":\"" + type + "\"}")
                    .post("/fhir/" + type).then().extract().statusCode();
            assertEquals(hasInteraction(resource, TypeRestfulInteraction.CREATE), create != 405 && create != 404,
                    type + " create: " + create);
            if (hasInteraction(resource, TypeRestfulInteraction.SEARCHTYPE)) {
                given().auth().oauth2(gp).get("/fhir/" + type + "?identifier=x").then().statusCode(400)
                        .body("issue[0].expression", hasItem("identifier"));
            }
        }
        given().auth().oauth2(gp).get("/fhir/Encounter?patient:identifier=x").then().statusCode(404)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void everyDeclaredOperationHasARouteAndAnUndeclaredOneIsNotFound() {
        CapabilityStatement capability = capability();
        String gp = Tokens.gp("dr-patel", "B86043");
        assertEquals(List.of("process-message"),
                capability.getRestFirstRep().getOperation().stream().map(o -> o.getName()).toList());
        for (var operation : capability.getRestFirstRep().getOperation()) {
            // A route reached: the empty Bundle is refused for what it lacks, not for a missing route.
            given().auth().oauth2(gp).contentType(FhirClient.FHIR_JSON).body("{\"resourceType\":\"Bundle\"}")
                    .post("/fhir/$" + operation.getName()).then().statusCode(400)
                    .body("resourceType", equalTo("OperationOutcome"));
        }
        given().auth().oauth2(gp).contentType(FhirClient.FHIR_JSON).body("{\"resourceType\":\"Bundle\"}")
                .post("/fhir/$validate").then().statusCode(404);
    }

    private static CapabilityStatement capability() {
        String json = given().get("/fhir/metadata").then().statusCode(200).extract().asString();
        return (CapabilityStatement) FhirValidation.assertValidR4(json);
    }

    private static CapabilityStatementRestResourceComponent resource(CapabilityStatement capability, String type) {
        return capability.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals(type)).findFirst()
                .orElseThrow();
    }

    private static boolean hasInteraction(CapabilityStatementRestResourceComponent resource, TypeRestfulInteraction code) {
        return resource.getInteraction().stream().anyMatch(i -> i.getCode() == code);
    }
}
