package org.linkwork.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * The examples the OpenAPI document and the README point integrators to are valid FHIR R4, and those of what the
 * facade answers follow the UK Core rules it holds. A Quarkus test only so that it shares the other FHIR tests'
 * class loader (HAPI's XML classes cannot be loaded by two).
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirExamplesValidationTest {

    @Test
    void theExampleReferralAGpSystemSendsIsValidR4() throws IOException {
        assertEquals("ServiceRequest", FhirValidation.assertValidR4(example("service-request.json")).fhirType());
    }

    @Test
    void theExampleReferralMessageAGpSystemSendsIsValidR4() throws IOException {
        assertEquals("Bundle", FhirValidation.assertValidR4(example("process-message.json")).fhirType());
    }

    @ParameterizedTest
    @CsvSource({ "service-request-read.json, ServiceRequest", "patient.json, Patient", "task.json, Task",
            "service-request-searchset.json, Bundle", "task-searchset.json, Bundle",
            "process-message-response.json, Bundle", "observation.json, Observation",
            "observation-searchset.json, Bundle" })
    void everyExampleAnswerIsValidR4AndUkCore(String example, String resourceType) throws IOException {
        assertEquals(resourceType, FhirValidation.assertValid(example(example)).fhirType());
    }

    private static String example(String name) throws IOException {
        try (InputStream in = FhirExamplesValidationTest.class.getResourceAsStream("/META-INF/resources/fhir-examples/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
