package org.linkwork.testkit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

/** What every Linkwork service promises, checked the same way in each. */
public final class ServiceContract {

    private ServiceContract() {
    }

    public static void assertHealthUpWithDatabaseAndKafka() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    public static void assertFlywayApplied(DataSource dataSource, String... versions) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet applied = connection.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> found = new ArrayList<>();
            while (applied.next()) {
                found.add(applied.getString(1));
            }
            assertEquals(List.of(versions), found);
        }
    }

    public static void assertPrometheusMetricsWithOutboxBacklog() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("linkwork_outbox_pending"));
    }

    public static void assertOpenApiServed() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("Linkwork"));
    }
}
