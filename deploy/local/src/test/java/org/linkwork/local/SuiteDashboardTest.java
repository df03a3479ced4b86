package org.linkwork.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference ICS dashboard as a launcher component: where it starts, what it is given and what it is not. */
class SuiteDashboardTest {

    @TempDir
    Path home;

    @Test
    void dashboardStartsAfterTheServicesAndBeforeTheGateway() {
        List<String> names = suite().components().stream().map(Component::name).toList();
        assertEquals(List.of("postgres", "keycloak", "kafka", "referral-service", "activity-directory-service",
                "caseload-service", "outcomes-service", "ics-dashboard", "gateway"), names);
    }

    @Test
    void dashboardIsItsOwnKafkaClientAndLoginClientWithItsOwnDatabaseAndNoPseudonymKey() {
        Component dashboard = component("ics-dashboard");
        assertEquals(List.of(8185), dashboard.ports(), "LINKWORK_DASHBOARD_PORT, shifted like every port");
        assertEquals("http://localhost:8185/q/health/ready", dashboard.readiness().describe());

        Component.Launch launch = dashboard.launch().get();
        Map<String, String> env = launch.environment();
        String tokenEndpoint = "https://localhost:8543/realms/linkwork/protocol/openid-connect/token";
        assertEquals("8185", env.get("QUARKUS_HTTP_PORT"));
        assertEquals("jdbc:postgresql://localhost:5532/dashboard", env.get("QUARKUS_DATASOURCE_JDBC_URL"));
        assertEquals("localhost:9192", env.get("KAFKA_BOOTSTRAP_SERVERS"));
        assertEquals(home.resolve("ca/ca.pem").toString(), env.get("KAFKA_SSL_TRUSTSTORE_LOCATION"));
        assertEquals(tokenEndpoint, env.get("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL"));
        assertEquals("ics-dashboard-local-secret", env.get("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET"));
        assertEquals("https://localhost:8543/realms/linkwork", env.get("QUARKUS_OIDC_AUTH_SERVER_URL"));
        assertEquals("ics-dashboard-web", env.get("QUARKUS_OIDC_CLIENT_ID"));
        assertEquals("ics-dashboard-web-local-secret", env.get("QUARKUS_OIDC_CREDENTIALS_SECRET"));
        assertFalse(env.containsKey("LINKWORK_PSEUDONYM_SECRET"), "an ICS consumer never holds the pseudonyms' key");
        assertFalse(env.containsKey("LINKWORK_DEMO_DATA_ENABLED"));

        List<String> command = launch.command();
        assertTrue(command.contains("-Dquarkus.tls.keycloak.trust-store.pem.certs=" + home.resolve("ca/ca.pem")), command.toString());
        assertTrue(command.contains("-Dquarkus.oidc.tls.tls-configuration-name=keycloak"), command.toString());
        assertTrue(command.contains("-XX:+ExitOnOutOfMemoryError"), "stops rather than go on half-working: " + command);
        assertTrue(command.contains("-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=" + tokenEndpoint), command.toString());
        // Run from its quarkus-app directory, where its class-data archive expects quarkus-run.jar.
        assertEquals(Path.of("/repo/ics-dashboard/target/quarkus-app"), launch.workingDirectory());
        assertEquals(List.of("-jar", "quarkus-run.jar"), command.subList(command.size() - 2, command.size()));
    }

    @Test
    void servicesStillGetThePseudonymKey() {
        Map<String, String> env = component("outcomes-service").launch().get().environment();
        assertTrue(env.containsKey("LINKWORK_PSEUDONYM_SECRET"));
        assertFalse(env.containsKey("QUARKUS_OIDC_CREDENTIALS_SECRET"));
    }

    private Component component(String name) {
        return suite().components().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    private Suite suite() {
        SuiteSettings settings = new SuiteSettings(Path.of("/repo"), home, home.resolve("ca"), SuiteSettings.Ports.shiftedBy(100));
        return new Suite(settings, new PrintStream(OutputStream.nullOutputStream()));
    }
}
