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
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealmTokens;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.oidc.server.OidcWireMock;
import io.smallrye.jwt.build.Jwt;

/**
 * What every Linkwork service promises, checked the same way in each: health with the database and Kafka,
 * its Flyway migrations, Prometheus metrics with the outbox backlog, its OpenAPI document, and malformed
 * tokens refused without asking the identity provider. A service's {@code ServiceStartsTest} extends this
 * with {@code @QuarkusTest}, its {@code RealInfrastructure} database and {@code OidcWiremockTestResource}.
 */
public abstract class ServiceContractTest {

    @Inject
    AgroalDataSource dataSource;

    @OidcWireMock
    WireMockServer identityProvider;

    /** The Flyway versions the service's database must have applied, in order (the platform's {@code 0.1} first). */
    protected abstract List<String> migrations();

    /** The HTTP method of an operation that needs a token. */
    protected abstract String protectedMethod();

    /** Its path. */
    protected abstract String protectedPath();

    @Test
    void healthIsUpWithItsDatabaseAndKafkaChecked() {
        given().get("/q/health").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check", "Kafka connection health check"));
    }

    @Test
    void flywayHasAppliedThePlatformAndServiceMigrations() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                ResultSet applied = connection.createStatement().executeQuery(
                        "SELECT version FROM flyway_schema_history WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            List<String> found = new ArrayList<>();
            while (applied.next()) {
                found.add(applied.getString(1));
            }
            assertEquals(migrations(), found);
        }
    }

    @Test
    void exportsPrometheusMetricsIncludingTheOutboxBacklog() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("linkwork_outbox_pending"));
    }

    @Test
    void servesItsOpenApiDocument() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("info.title", containsString("Linkwork"));
    }

    /**
     * Tokens that are not well-formed JWTs signed with the realm's keys are refused locally (401
     * problem+json): asking the identity provider to introspect them would give an attacker an
     * outbound call per request.
     */
    @Test
    void malformedTokensAreRefusedWithoutAskingTheIdentityProvider() {
        int before = identityProviderCalls();
        for (String token : malformedTokens()) {
            given().auth().oauth2(token).contentType("application/json").body("{}").request(protectedMethod(), protectedPath())
                    .then().statusCode(401)
                    .contentType(containsString("application/problem+json"));
        }
        assertEquals(before, identityProviderCalls(), "introspection or userinfo requests for malformed tokens");
    }

    private int identityProviderCalls() {
        return (int) identityProvider.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().contains("introspect") || e.getRequest().getUrl().contains("userinfo"))
                .count();
    }

    private static List<String> malformedTokens() {
        Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
        String claims = base64.encodeToString(("{\"sub\":\"intruder\",\"iss\":\"" + RealmTokens.ISSUER
                + "\",\"exp\":" + Instant.now().plusSeconds(300).getEpochSecond()
                + ",\"realm_access\":{\"roles\":[\"gp\",\"coordinator\",\"auditor\"]}}").getBytes(StandardCharsets.UTF_8));
        String unsigned = base64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "." + claims + ".";
        return List.of("not-a-jwt", "a.b.c", "x".repeat(8000), unsigned, signedWithUnknownKey(),
                RealmTokens.forged("intruder", "gp", Map.of("ods", "B86043")));
    }

    private static String signedWithUnknownKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return Jwt.subject("intruder").issuer(RealmTokens.ISSUER).claim("realm_access", Map.of("roles", List.of("gp")))
                    .jws().keyId("not-a-realm-key").sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
