package org.linkwork.referral;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.testkit.HostileInputs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class HostileInputTest {

    @Test
    void everyOperationAnswersHostileInputWithAProblemNeverAServerError() throws IOException {
        HostileInputs.againstTestedService()
                .baselineBody("POST", "/referrals", Referrals.body(Referrals.newNhsNumber(), "B86010"))
                .baselineBody("POST", "/fhir/ServiceRequest", fhirExample("service-request.json"))
                .baselineBody("POST", "/fhir/$process-message", fhirExample("process-message.json"))
                .assertNoServerErrorsOrBareErrors();
    }

    private static String fhirExample(String name) throws IOException {
        try (InputStream example = HostileInputTest.class
                .getResourceAsStream("/META-INF/resources/fhir-examples/" + name)) {
            return new String(example.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
