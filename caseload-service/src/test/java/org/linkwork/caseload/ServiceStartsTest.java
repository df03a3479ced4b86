package org.linkwork.caseload;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class ServiceStartsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void healthIsUpWithItsDatabaseAndKafkaChecked() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void flywayHasAppliedThePlatformAndServiceMigrations() throws Exception {
        try (Connection connection = dataSource.getConnection();
                ResultSet applied = connection.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank")) {
            List<String> versions = new ArrayList<>();
            while (applied.next()) {
                versions.add(applied.getString(1));
            }
            assertEquals(List.of("0.1", "1", "2", "3", "4"), versions);
        }
    }

    @Test
    void exportsPrometheusMetricsIncludingTheOutboxBacklog() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("linkwork_outbox_pending"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("Linkwork"));
    }
}
