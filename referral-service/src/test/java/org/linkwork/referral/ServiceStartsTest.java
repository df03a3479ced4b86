package org.linkwork.referral;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.ServiceContract;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceStartsTest {

    @Inject
    AgroalDataSource dataSource;

    @OidcWireMock
    WireMockServer identityProvider;

    @Test
    void healthIsUpWithItsDatabaseAndKafkaChecked() {
        ServiceContract.assertHealthUpWithDatabaseAndKafka();
    }

    @Test
    void flywayHasAppliedThePlatformAndServiceMigrations() throws Exception {
        ServiceContract.assertFlywayApplied(dataSource, "0.1", "1", "2", "3", "4");
    }

    @Test
    void exportsPrometheusMetricsIncludingTheOutboxBacklog() {
        ServiceContract.assertPrometheusMetricsWithOutboxBacklog();
    }

    @Test
    void servesItsOpenApiDocument() {
        ServiceContract.assertOpenApiServed();
    }

    @Test
    void malformedTokensAreRefusedWithoutAskingTheIdentityProvider() {
        ServiceContract.assertMalformedTokensRefusedWithoutAskingTheIdentityProvider("GET", "/referrals",
                () -> (int) identityProvider.getAllServeEvents().stream()
                        .filter(e -> e.getRequest().getUrl().contains("introspect") || e.getRequest().getUrl().contains("userinfo"))
                        .count());
    }
}
