package org.linkwork.caseload;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.HostileInputs;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class HostileInputTest {

    @Test
    void everyOperationAnswersHostileInputWithAProblemNeverAServerError() {
        HostileInputs.againstTestedService().assertNoServerErrorsOrBareErrors();
    }
}
