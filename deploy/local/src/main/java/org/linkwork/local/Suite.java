package org.linkwork.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite on one machine: PostgreSQL and Kafka (deploy/infra), Keycloak with the
 * {@code linkwork} realm, the four packaged services with demo data, and the gateway in front.
 * {@code up} starts what is not running and waits until everything is ready; {@code down} stops
 * everything and keeps the data; {@code status} says what runs and whether it answers.
 */
public final class Suite {

    static final List<String> SERVICES = List.of("referral-service", "activity-directory-service", "caseload-service",
            "outcomes-service");

    /** The demo directory and link workers (platform DemoData), off unless switched on like this. */
    private static final String DEMO_DATA = "LINKWORK_DEMO_DATA_ENABLED";
    private static final String WITH_DEMO = "true";

    private final SuiteSettings settings;
    private final PrintStream out;
    private final LocalCa ca;
    private final Duration startTimeout;

    public Suite(SuiteSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
        this.ca = new LocalCa(settings);
        this.startTimeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("LINKWORK_START_TIMEOUT", "420")));
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The CA certificate that Keycloak's TLS certificate chains to. */
    public Path caCertificate() {
        return ca.certificate();
    }

    public void up() {
        Prerequisites prerequisites = new Prerequisites(out);
        prerequisites.ensureGateway();
        checkBuilt();
        ca.ensure();
        prerequisites.ensureCaTrusted(ca);
        checkPortsFree();
        HttpClient http = http();
        Instant started = Instant.now();
        startAndWait(List.of(infrastructure()), http);
        stageRealm();
        startAndWait(List.of(keycloak()), http);
        startAndWait(services(), http);
        startAndWait(List.of(gateway()), http);
        out.printf("%nLinkwork is up (%d s).%n%n", Duration.between(started, Instant.now()).toSeconds());
        out.println(welcome());
    }

    public void down() {
        List<Component> all = new ArrayList<>(components());
        java.util.Collections.reverse(all);
        for (Component component : all) {
            ManagedProcess process = new ManagedProcess(component.name(), settings);
            // Keycloak and the services flush and close cleanly on SIGTERM; Kafka needs the longest.
            boolean stopped = process.stop(Duration.ofSeconds(component.name().equals("infrastructure") ? 60 : 30));
            out.printf("%-28s %s%n", component.name(), stopped ? "stopped" : "was not running");
        }
        out.println("Data kept in " + settings.home() + " (delete that directory for a fresh start).");
    }

    /** Kills one component at once (SIGKILL), as a crash would, for fault tests; true if it was running. */
    public boolean crash(String component) {
        return new ManagedProcess(component, settings).kill();
    }

    /** Starts one component of the suite unless it runs, and waits until it answers ready. */
    public void start(String component) {
        List<Component> named = components().stream().filter(c -> c.name().equals(component)).toList();
        if (named.isEmpty()) {
            throw new LauncherException("No component named " + component);
        }
        startAndWait(named, http());
    }

    /** Prints each component's state; true when every one runs and answers ready. */
    public boolean status() {
        HttpClient http = http();
        boolean allReady = true;
        for (Component component : components()) {
            ManagedProcess process = new ManagedProcess(component.name(), settings);
            boolean running = process.isRunning();
            boolean ready = running && component.readiness().ready(http);
            allReady &= ready;
            out.printf("%-28s %-8s %-6s %s%n", component.name(), running ? "running" : "stopped", ready ? "UP" : "DOWN",
                    component.readiness().describe());
        }
        return allReady;
    }

    List<Component> components() {
        List<Component> all = new ArrayList<>();
        all.add(infrastructure());
        all.add(keycloak());
        all.addAll(services());
        all.add(gateway());
        return all;
    }

    private void startAndWait(List<Component> components, HttpClient http) {
        List<Component> starting = new ArrayList<>();
        for (Component component : components) {
            ManagedProcess process = new ManagedProcess(component.name(), settings);
            if (process.isRunning()) {
                if (!component.readiness().ready(http)) {
                    throw new LauncherException(component.name() + " is running but does not answer at "
                            + component.readiness().describe() + ". If it is still starting, wait and run up again; if its "
                            + "settings (ports) changed since it started, run deploy/local/linkwork down first. Its log: "
                            + process.logFile());
                }
                out.printf("%-28s already running%n", component.name());
                continue;
            }
            Component.Launch launch = component.launch().get();
            out.printf("%-28s starting (log: %s)%n", component.name(), process.logFile());
            process.start(launch.command(), launch.environment(), launch.workingDirectory());
            starting.add(component);
        }
        Instant deadline = Instant.now().plus(startTimeout);
        List<Component> waiting = new ArrayList<>(starting);
        while (!waiting.isEmpty()) {
            for (var it = waiting.iterator(); it.hasNext();) {
                Component component = it.next();
                ManagedProcess process = new ManagedProcess(component.name(), settings);
                if (component.readiness().ready(http)) {
                    out.printf("%-28s UP%n", component.name());
                    it.remove();
                } else if (starting.contains(component) && !process.isRunning()) {
                    throw new LauncherException(component.name() + " stopped while starting. Last lines of " + process.logFile()
                            + ":\n" + process.tail(30));
                }
            }
            if (!waiting.isEmpty() && Instant.now().isAfter(deadline)) {
                Component late = waiting.get(0);
                throw new LauncherException(late.name() + " was not ready within " + startTimeout.toSeconds() + " s ("
                        + late.readiness().describe() + "). Last lines of its log:\n"
                        + new ManagedProcess(late.name(), settings).tail(30));
            }
            if (!waiting.isEmpty()) {
                ManagedProcess.sleep(Duration.ofSeconds(1));
            }
        }
    }

    /** Before anything starts: every port a stopped component needs must be free, or the message names what to move. */
    private void checkPortsFree() {
        Map<Integer, String> variables = settings.ports().variables();
        List<String> busy = new ArrayList<>();
        for (Component component : components()) {
            if (new ManagedProcess(component.name(), settings).isRunning()) {
                continue;
            }
            for (int port : component.ports()) {
                if (Component.inUse(port)) {
                    busy.add("port " + port + " (" + component.name() + ", move it with " + variables.get(port) + ")");
                }
            }
        }
        if (!busy.isEmpty()) {
            throw new LauncherException("Already in use by another program: " + String.join("; ", busy)
                    + ". Stop that program or set the variable to a free port (see deploy/local/README.md).");
        }
    }

    private Component infrastructure() {
        SuiteSettings.Ports ports = settings.ports();
        return new Component("infrastructure", List.of(ports.postgres(), ports.kafka()),
                Component.Readiness.listening(List.of(ports.postgres(), ports.kafka())), () -> {
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("LINKWORK_POSTGRES_PORT", Integer.toString(ports.postgres()));
                    env.put("LINKWORK_KAFKA_PORT", Integer.toString(ports.kafka()));
                    List<String> command = List.of(java(), "-Xmx768m", "-cp", launcherClasspath(),
                            "org.linkwork.infra.InfraMain", settings.home().resolve("data").toString());
                    return new Component.Launch(command, env, settings.home());
                });
    }

    private Component keycloak() {
        SuiteSettings.Ports ports = settings.ports();
        return new Component("keycloak", List.of(ports.keycloak(), ports.keycloakManagement()),
                Component.Readiness.http(settings.issuer() + "/.well-known/openid-configuration"), () -> {
                    Path distribution = settings.keycloakDistribution();
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("JAVA_HOME", System.getProperty("java.home"));
                    env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
                    // Used once, when Keycloak's database is empty; local only (see deploy/local/README.md).
                    env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
                    env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
                    List<String> command = List.of("bash", distribution.resolve("bin/kc.sh").toString(), "start",
                            "--import-realm", "--db=postgres",
                            "--db-url=jdbc:postgresql://localhost:" + ports.postgres() + "/keycloak",
                            "--db-username=postgres", "--db-password=postgres",
                            "--hostname=https://localhost:" + ports.keycloak(), "--http-enabled=false", "--http-host=127.0.0.1",
                            "--https-port=" + ports.keycloak(), "--https-key-store-file=" + ca.keycloakKeyStore(),
                            "--https-key-store-password=" + LocalCa.STORE_PASSWORD, "--health-enabled=true",
                            "--http-management-port=" + ports.keycloakManagement(),
                            // One node: no cluster discovery on the machine's network.
                            "--cache=local");
                    return new Component.Launch(command, env, distribution);
                });
    }

    private List<Component> services() {
        SuiteSettings.Ports ports = settings.ports();
        return List.of(
                service("referral-service", ports.referral(), "referral", Map.of()),
                service("activity-directory-service", ports.directory(), "directory", Map.of(DEMO_DATA, WITH_DEMO)),
                service("caseload-service", ports.caseload(), "caseload", Map.of(DEMO_DATA, WITH_DEMO,
                        "QUARKUS_REST_CLIENT_DIRECTORY_URL", "http://localhost:" + ports.directory(),
                        "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", settings.issuer(),
                        "QUARKUS_OIDC_CLIENT_CLIENT_ID", "caseload-service",
                        "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "caseload-service-local-secret")),
                service("outcomes-service", ports.outcomes(), "outcomes", Map.of()));
    }

    private Component service(String module, int port, String database, Map<String, String> extra) {
        SuiteSettings.Ports ports = settings.ports();
        return new Component(module, List.of(port), Component.Readiness.http("http://localhost:" + port + "/q/health/ready"), () -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("KAFKA_BOOTSTRAP_SERVERS", "localhost:" + ports.kafka());
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.issuer());
            env.put("LINKWORK_PSEUDONYM_SECRET", pseudonymSecret());
            env.putAll(extra);
            Path jar = settings.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            // The services trust the local CA for their calls to Keycloak, through a named TLS configuration.
            List<String> command = List.of(java(), "-Xmx512m",
                    "-Dquarkus.tls.keycloak.trust-store.pem.certs=" + ca.certificate(),
                    "-Dquarkus.oidc.tls.tls-configuration-name=keycloak",
                    "-Dquarkus.oidc-client.tls.tls-configuration-name=keycloak",
                    "-jar", jar.toString());
            return new Component.Launch(command, env, settings.home());
        });
    }

    private Component gateway() {
        SuiteSettings.Ports ports = settings.ports();
        return new Component("gateway", List.of(ports.gateway()),
                Component.Readiness.http(settings.gatewayUrl() + "/gateway/health"), () -> {
                    Path runDirectory = settings.run().resolve("gateway");
                    Path logDirectory = settings.logs().resolve("gateway");
                    try {
                        Files.createDirectories(runDirectory);
                        Files.createDirectories(logDirectory);
                    } catch (IOException e) {
                        throw new LauncherException("Cannot create " + runDirectory + ": " + e.getMessage(), e);
                    }
                    Path gatewayHome = settings.repository().resolve("deploy/gateway");
                    Map<String, String> env = new LinkedHashMap<>();
                    env.put("LINKWORK_GATEWAY_PORT", Integer.toString(ports.gateway()));
                    env.put("LINKWORK_GATEWAY_HOME", gatewayHome.toString());
                    env.put("LINKWORK_GATEWAY_MODULES", Prerequisites.httpdModules().toString());
                    env.put("LINKWORK_GATEWAY_LOG_DIR", logDirectory.toString());
                    env.put("LINKWORK_GATEWAY_RUN_DIR", runDirectory.toString());
                    String user = Commands.isRoot() ? "www-data" : System.getProperty("user.name");
                    env.put("LINKWORK_GATEWAY_USER", user);
                    env.put("LINKWORK_GATEWAY_GROUP", user);
                    env.put("LINKWORK_JWKS_URI", settings.issuer() + "/protocol/openid-connect/certs");
                    env.put("LINKWORK_ISSUER", settings.issuer());
                    env.put("LINKWORK_REFERRAL_URL", "http://localhost:" + ports.referral());
                    env.put("LINKWORK_DIRECTORY_URL", "http://localhost:" + ports.directory());
                    env.put("LINKWORK_CASELOAD_URL", "http://localhost:" + ports.caseload());
                    env.put("LINKWORK_OUTCOMES_URL", "http://localhost:" + ports.outcomes());
                    List<String> command = List.of(Prerequisites.httpd().toString(), "-f",
                            gatewayHome.resolve("linkwork-gateway.conf").toString(), "-DFOREGROUND");
                    return new Component.Launch(command, env, settings.home());
                });
    }

    /** Keycloak imports files from its distribution's data/import at start, skipping realms that exist. */
    private void stageRealm() {
        try {
            Path imports = settings.keycloakDistribution().resolve("data/import");
            Files.createDirectories(imports);
            Files.copy(settings.repository().resolve("deploy/keycloak/linkwork-realm.json"), imports.resolve("linkwork-realm.json"),
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new LauncherException("Cannot stage the realm for import: " + e.getMessage(), e);
        }
    }

    /** A secret made once per suite home, so pseudonyms stay stable across down/up. */
    private String pseudonymSecret() {
        Path file = settings.home().resolve("secrets/pseudonym-secret");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(file.getParent());
                byte[] secret = new byte[48];
                new SecureRandom().nextBytes(secret);
                Files.writeString(file, Base64.getEncoder().encodeToString(secret));
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new LauncherException("Cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private void checkBuilt() {
        List<String> missing = new ArrayList<>();
        for (String module : SERVICES) {
            if (!Files.exists(settings.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(module);
            }
        }
        settings.keycloakDistribution();
        if (!missing.isEmpty()) {
            throw new LauncherException("Not built yet: " + missing + ". Run ./mvnw -B -DskipTests install (deploy/local/linkwork does this).");
        }
    }

    public HttpClient http() {
        return HttpClient.newBuilder().sslContext(ca.sslContext()).connectTimeout(Duration.ofSeconds(3)).build();
    }

    private String welcome() {
        SuiteSettings.Ports p = settings.ports();
        return """
                Gateway:        %1$s  (a bearer token for every API but the open ORUK directory reads)
                Keycloak:       https://localhost:%2$d/admin  (admin / admin, local only)  realm "linkwork"
                Swagger UI:     http://localhost:%3$d/q/swagger-ui  referral
                                http://localhost:%4$d/q/swagger-ui  directory
                                http://localhost:%5$d/q/swagger-ui  caseload
                                http://localhost:%6$d/q/swagger-ui  outcomes
                OpenAPI:        %1$s/openapi/{referral,directory,caseload,outcomes}

                A token for a demo user (password linkwork-local; users in deploy/local/README.md):
                  TOKEN=$(curl -s --cacert %7$s -d grant_type=password -d client_id=linkwork-cli \\
                          -d username=dr-patel -d password=linkwork-local \\
                          %8$s/protocol/openid-connect/token | jq -r .access_token)
                  curl -H "Authorization: Bearer $TOKEN" "%1$s/directory/services?text=walking&postcode=LS6"

                Walk one patient through the whole flow:  deploy/local/linkwork demo
                Stop everything (data kept):              deploy/local/linkwork down
                """.formatted(settings.gatewayUrl(), p.keycloak(), p.referral(), p.directory(), p.caseload(), p.outcomes(),
                ca.certificate(), settings.issuer());
    }

    private String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** deploy/infra and its dependencies, copied there when deploy/local is packaged. */
    private String launcherClasspath() {
        return settings.repository().resolve("deploy/local/target/lib").toString() + "/*";
    }
}
