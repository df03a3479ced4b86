package org.linkwork.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local suite keeps its state and which ports it uses. Every port can be moved by an
 * environment variable (e.g. {@code LINKWORK_GATEWAY_PORT}); the end-to-end tests use their own
 * home and ports so they never disturb a suite a developer has running.
 */
public record SuiteSettings(Path repository, Path home, Path caDirectory, Ports ports) {

    public record Ports(int gateway, int keycloak, int keycloakManagement, int referral, int directory, int caseload,
            int outcomes, int dashboard, int postgres, int kafka) {

        static Ports from(Map<String, String> env) {
            return new Ports(port(env, "LINKWORK_GATEWAY_PORT", 8080), port(env, "LINKWORK_KEYCLOAK_PORT", 8443),
                    port(env, "LINKWORK_KEYCLOAK_MANAGEMENT_PORT", 9000), port(env, "LINKWORK_REFERRAL_PORT", 8081),
                    port(env, "LINKWORK_DIRECTORY_PORT", 8082), port(env, "LINKWORK_CASELOAD_PORT", 8083),
                    port(env, "LINKWORK_OUTCOMES_PORT", 8084), port(env, "LINKWORK_DASHBOARD_PORT", 8085),
                    port(env, "LINKWORK_POSTGRES_PORT", 5432),
                    port(env, "LINKWORK_KAFKA_PORT", 9092));
        }

        /** Each port with the environment variable that moves it. */
        public Map<Integer, String> variables() {
            Map<Integer, String> names = new java.util.LinkedHashMap<>();
            names.put(gateway, "LINKWORK_GATEWAY_PORT");
            names.put(keycloak, "LINKWORK_KEYCLOAK_PORT");
            names.put(keycloakManagement, "LINKWORK_KEYCLOAK_MANAGEMENT_PORT");
            names.put(referral, "LINKWORK_REFERRAL_PORT");
            names.put(directory, "LINKWORK_DIRECTORY_PORT");
            names.put(caseload, "LINKWORK_CASELOAD_PORT");
            names.put(outcomes, "LINKWORK_OUTCOMES_PORT");
            names.put(dashboard, "LINKWORK_DASHBOARD_PORT");
            names.put(postgres, "LINKWORK_POSTGRES_PORT");
            names.put(kafka, "LINKWORK_KAFKA_PORT");
            return names;
        }

        /** The default ports shifted by {@code offset}, for a second suite beside the first. */
        public static Ports shiftedBy(int offset) {
            return new Ports(8080 + offset, 8443 + offset, 9000 + offset, 8081 + offset, 8082 + offset, 8083 + offset,
                    8084 + offset, 8085 + offset, 5432 + offset, 9092 + offset);
        }

        private static int port(Map<String, String> env, String name, int fallback) {
            String value = env.get(name);
            if (value == null || value.isBlank()) {
                return fallback;
            }
            try {
                int port = Integer.parseInt(value.trim());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
                return port;
            } catch (NumberFormatException e) {
                throw new LauncherException(name + "=" + value + " is not a port number (1-65535)");
            }
        }
    }

    /** Settings for the developer's suite: {@code LINKWORK_HOME} (default {@code ~/.linkwork}) and env ports. */
    public static SuiteSettings fromEnvironment(Path repository) {
        Map<String, String> env = System.getenv();
        Path userHome = Path.of(System.getProperty("user.home"));
        String home = env.get("LINKWORK_HOME");
        return new SuiteSettings(repository, home == null || home.isBlank() ? userHome.resolve(".linkwork") : Path.of(home),
                localCaDirectory(), Ports.from(env));
    }

    /**
     * The reporting suite of {@code deploy/local/linkwork year}: {@code LINKWORK_YEAR_HOME} (default
     * {@code ~/.linkwork-year}), the default ports shifted by 200 so that it runs beside the developer's suite.
     */
    public static SuiteSettings forYear(Path repository) {
        String home = System.getenv("LINKWORK_YEAR_HOME");
        return new SuiteSettings(repository, home == null || home.isBlank()
                ? Path.of(System.getProperty("user.home"), ".linkwork-year") : Path.of(home), localCaDirectory(),
                Ports.shiftedBy(200));
    }

    /**
     * One local certificate authority per user, shared by every suite home, so a machine trusts one
     * Linkwork CA however many suites (or test runs) it has seen.
     */
    public static Path localCaDirectory() {
        return Path.of(System.getProperty("user.home"), ".linkwork", "ca");
    }

    /** The repository this launcher was built from: the nearest parent holding {@code deploy/local}. */
    public static Path findRepository(Path start) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("deploy/local")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new LauncherException("Cannot find the Linkwork repository above " + start.toAbsolutePath());
    }

    public String issuer() {
        return "https://localhost:" + ports.keycloak() + "/realms/linkwork";
    }

    /** The realm's token endpoint, where Kafka clients fetch their client-credentials tokens. */
    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String gatewayUrl() {
        return "http://localhost:" + ports.gateway();
    }

    public Path keycloakDistribution() {
        try (var entries = Files.list(repository.resolve("deploy/local/target"))) {
            return entries.filter(p -> p.getFileName().toString().startsWith("keycloak-") && Files.isDirectory(p.resolve("bin")))
                    .findFirst()
                    .orElseThrow(() -> new LauncherException("Keycloak is not unpacked yet: run ./mvnw -pl deploy/local package"));
        } catch (java.io.IOException e) {
            throw new LauncherException("Keycloak is not unpacked yet: run ./mvnw -pl deploy/local package");
        }
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path run() {
        return home.resolve("run");
    }
}
