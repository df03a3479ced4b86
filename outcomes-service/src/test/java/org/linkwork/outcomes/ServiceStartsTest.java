package org.linkwork.outcomes;

import java.util.List;

import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.ServiceContractTest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceStartsTest extends ServiceContractTest {

    @Override
    protected List<String> migrations() {
        return List.of("0.1", "1", "2", "3", "4", "6", "7", "8");
    }

    @Override
    protected String protectedMethod() {
        return "GET";
    }

    @Override
    protected String protectedPath() {
        return "/reports/monthly";
    }
}
