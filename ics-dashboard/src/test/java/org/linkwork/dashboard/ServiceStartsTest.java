package org.linkwork.dashboard;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.ServiceContractTest;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.RestAssured;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dashboard"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceStartsTest extends ServiceContractTest {

    /** The application lives under /dashboard, its health and OpenAPI at /q like the services': full paths here. */
    @BeforeEach
    void fromTheServerRoot() {
        RestAssured.basePath = "";
    }

    @Override
    protected List<String> migrations() {
        return List.of("0.1", "1", "2");
    }

    @Override
    protected String protectedMethod() {
        return "GET";
    }

    @Override
    protected String protectedPath() {
        return "/dashboard/figures";
    }
}
