package org.linkwork.local;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.linkwork.infra.KafkaClients;

/**
 * The whole suite on one machine: PostgreSQL (deploy/infra), Keycloak with the {@code linkwork} realm, the
 * Kafka broker (deploy/infra; it verifies clients' tokens with the realm's keys, so it starts after Keycloak),
 * the four packaged services with demo data, and the gateway in front.
 * {@code up} starts what is not running and waits until everything is ready; {@code down} stops
 * everything and keeps the data; {@code status} says what runs and whether it answers.
 */
public final class Suite implements Deployment {

    static final List<String> SERVICES = List.of("referral-service", "activity-directory-service", "caseload-service",
            "outcomes-service");
    /** The reference ICS dashboard, built and started like a service. */
    static final String DASHBOARD = "ics-dashboard";
    /** Written by the build beside quarkus-run.jar (quarkus.package.jar.appcds.enabled in the parent pom). */
    static final String CLASS_DATA_ARCHIVE = "app-cds.jsa";
    /**
     * A service's live heap is 25-40 MB after the journey load; the serial collector with a 128 MB heap keeps each
     * one small beside the others on a 2-core machine (deploy/load/README.md, memory and start).
     */
    static final String JVM_GC = "-XX:+UseSerialGC";
    static final String JVM_HEAP = "-Xmx128m";
    /**
     * As in the container images: a JVM that ran out of heap is in no state to go on (a thread may have died
     * mid-task), so it stops, and status shows it stopped, rather than answer half-working.
     */
    static final String JVM_ON_OUT_OF_MEMORY = "-XX:+ExitOnOutOfMemoryError";

    /** The demo directory (its ORUK import) and link workers (platform DemoData), off unless switched on like this. */
    private static final String DEMO_DATA = "LINKWORK_DEMO_DATA_ENABLED";
    private static final String WITH_DEMO = "true";

    private static final String POSTGRES = "postgres";
    private static final String KAFKA = "kafka";
    /** What an earlier launcher called PostgreSQL and Kafka run as one process. */
    private static final String LEGACY_INFRASTRUCTURE = "infrastructure";

    private final SuiteSettings settings;
    private final PrintStream out;
    private final LocalCa ca;
    private final Duration startTimeout;
    private final KeycloakRealm realm;
    /** Set when this launcher starts PostgreSQL on a new data directory (so Keycloak's database is empty). */
    private boolean keycloakDatabaseIsNew;
    /** The services this suite runs: all four, or outcomes-service alone in a reporting suite. */
    private final List<String> services;

    public Suite(SuiteSettings settings, PrintStream out) {
        this(settings, out, SERVICES);
    }

    /**
     * PostgreSQL, Keycloak, Kafka, outcomes-service, the ICS dashboard and the gateway: what the reports and the
     * dashboard need for a generated year ({@link RegionYear}), and none of the services that would act on its
     * events as if they were news (caseload-service would open a case today for every referral accepted last spring).
     */
    public static Suite forReporting(SuiteSettings settings, PrintStream out) {
        return new Suite(settings, out, List.of("outcomes-service"));
    }

    private Suite(SuiteSettings settings, PrintStream out, List<String> services) {
        this.settings = settings;
        this.services = services;
        this.out = out;
        this.ca = new LocalCa(settings);
        this.startTimeout = Duration.ofSeconds(Long.parseLong(System.getenv().getOrDefault("LINKWORK_START_TIMEOUT", "420")));
        this.realm = new KeycloakRealm(settings, out, startTimeout);
    }

    public SuiteSettings settings() {
        return settings;
    }

    /** The CA certificate that Keycloak's TLS certificate chains to. */
    @Override
    public Path repository() {
        return settings.repository();
    }

    @Override
    public String gatewayUrl() {
        return settings.gatewayUrl();
    }

    @Override
    public String keycloakUrl() {
        return "https://localhost:" + settings.ports().keycloak();
    }

    @Override
    public String kafkaBootstrapServers() {
        return settings.kafkaBootstrapServers();
    }

    /** The local CA signs the broker's certificate and Keycloak's alike. */
    @Override
    public Path caCertificates() {
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
        startAndWait(List.of(postgres()), http);
        startAndWait(List.of(keycloak()), http);
        startAndWait(List.of(kafka()), http);
        startAndWait(services(), http);
        startAndWait(List.of(dashboard()), http);
        startAndWait(List.of(gateway()), http);
        out.printf("%nLinkwork is up (%d s).%n%n", Duration.between(started, Instant.now()).toSeconds());
        if (services.equals(SERVICES)) {
            out.println(welcome());
        }
    }

    public void down() {
        List<String> all = new ArrayList<>(components().stream().map(Component::name).toList());
        java.util.Collections.reverse(all);
        // An earlier launcher ran PostgreSQL and Kafka as one component; stop it too if it still runs.
        all.add(LEGACY_INFRASTRUCTURE);
        for (String name : all) {
            ManagedProcess process = new ManagedProcess(name, settings);
            // Keycloak and the services flush and close cleanly on SIGTERM; Kafka and PostgreSQL need the longest.
            boolean stopped = process.stop(Duration.ofSeconds(List.of(KAFKA, POSTGRES, LEGACY_INFRASTRUCTURE).contains(name) ? 60 : 30));
            if (stopped || !name.equals(LEGACY_INFRASTRUCTURE)) {
                out.printf("%-28s %s%n", name, stopped ? "stopped" : "was not running");
            }
        }
        out.println("Data kept in " + settings.home() + " (delete that directory for a fresh start).");
    }

    /** Kills one component at once (SIGKILL), as a crash would, for fault tests; true if it was running. */
    @Override
    public boolean crash(String component) {
        return new ManagedProcess(component, settings).kill();
    }

    /** Stops one component (SIGTERM, up to 30 s to finish); true if it was running. */
    @Override
    public boolean stop(String component) {
        return new ManagedProcess(component, settings).stop(Duration.ofSeconds(30));
    }

    /** Starts one component of the suite unless it runs, and waits until it answers ready. */
    @Override
    public void start(String component) {
        List<Component> named = components().stream().filter(c -> c.name().equals(component)).toList();
        if (named.isEmpty()) {
            throw new LauncherException("No component named " + component);
        }
        startAndWait(named, http());
    }

    /** Stops one component (SIGTERM) and starts it again alone; says how long it took to answer ready. */
    public void restart(String component) {
        stop(component);
        Instant started = Instant.now();
        start(component);
        out.printf("%-28s ready %d ms after it was started%n", component, Duration.between(started, Instant.now()).toMillis());
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
        all.add(postgres());
        all.add(keycloak());
        all.add(kafka());
        all.addAll(services());
        all.add(dashboard());
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
                // Often enough that a restart's time to ready is measured to a fifth of a second.
                ManagedProcess.sleep(Duration.ofMillis(200));
            }
        }
    }

    /** Before anything starts: every port a stopped component needs must be free, or the message names what to move. */
    private void checkPortsFree() {
        if (new ManagedProcess(LEGACY_INFRASTRUCTURE, settings).isRunning()) {
            throw new LauncherException("PostgreSQL and Kafka still run as one process started by an earlier launcher. "
                    + "Run deploy/local/linkwork down, then up again: they now start as two components (postgres, kafka).");
        }
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

    /** PostgreSQL (deploy/infra's InfraMain), READY once the services' and Keycloak's databases exist. */
    private Component postgres() {
        int port = settings.ports().postgres();
        return new Component(POSTGRES, List.of(port), announced(POSTGRES, port), () -> {
            // A new data directory means an empty Keycloak database, which imports the current realm file at start.
            keycloakDatabaseIsNew = !Files.isDirectory(data().resolve("postgres"));
            List<String> command = List.of(java(), "-Xmx192m", "-cp", launcherClasspath(), "org.linkwork.infra.InfraMain",
                    "postgres", data().toString());
            return new Component.Launch(command, Map.of("LINKWORK_POSTGRES_PORT", Integer.toString(port)), settings.home());
        });
    }

    /**
     * The Kafka broker (deploy/infra's InfraMain): SASL_SSL with OAUTHBEARER tokens of the realm, its certificate
     * from the local CA; READY once the suite's topics and ACLs exist, which is after it listens.
     */
    private Component kafka() {
        int port = settings.ports().kafka();
        return new Component(KAFKA, List.of(port), announced(KAFKA, port), () -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("LINKWORK_KAFKA_PORT", Integer.toString(port));
            env.put("LINKWORK_CA_DIR", ca.directory().toString());
            env.put("LINKWORK_KAFKA_ISSUER", settings.issuer());
            List<String> command = List.of(java(), "-Xmx512m", "-cp", launcherClasspath(), "org.linkwork.infra.InfraMain",
                    "kafka", data().toString());
            return new Component.Launch(command, env, settings.home());
        });
    }

    private Component.Readiness announced(String component, int port) {
        return Component.Readiness.announced(new ManagedProcess(component, settings).logFile(), "READY", List.of(port));
    }

    private Path data() {
        return settings.home().resolve("data");
    }

    private Component keycloak() {
        SuiteSettings.Ports ports = settings.ports();
        return new Component("keycloak", List.of(ports.keycloak(), ports.keycloakManagement()),
                Component.Readiness.http(settings.issuer() + "/.well-known/openid-configuration"), () -> {
                    Path distribution = settings.keycloakDistribution();
                    realm.bringUpToDate(distribution, keycloakDatabaseIsNew);
                    Map<String, String> env = keycloakEnvironment();
                    List<String> command = new ArrayList<>(List.of("bash", distribution.resolve("bin/kc.sh").toString(), "start",
                            "--import-realm"));
                    command.addAll(realm.databaseOptions());
                    command.addAll(List.of("--hostname=https://localhost:" + ports.keycloak(), "--http-enabled=false", "--http-host=127.0.0.1",
                            "--https-port=" + ports.keycloak(), "--https-key-store-file=" + ca.keycloakKeyStore(),
                            "--https-key-store-password=" + LocalCa.STORE_PASSWORD,
                            "--http-management-port=" + ports.keycloakManagement()));
                    return new Component.Launch(command, env, distribution);
                });
    }

    /** For every run of kc.sh: {@code start}, and {@code import} when the realm changed (see KeycloakRealm). */
    static Map<String, String> keycloakEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("JAVA_HOME", System.getProperty("java.home"));
        env.put("JAVA_OPTS_KC_HEAP", "-Xms128m -Xmx768m");
        // Build options, the same for every command, or each command would rebuild Keycloak for its own.
        env.put("KC_HEALTH_ENABLED", "true");
        // One node: no cluster discovery on the machine's network.
        env.put("KC_CACHE", "local");
        // Used once, when Keycloak's database is empty; local only (see deploy/local/README.md).
        env.put("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
        env.put("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
        return env;
    }

    private List<Component> services() {
        SuiteSettings.Ports ports = settings.ports();
        return Stream.of(
                service("referral-service", ports.referral(), "referral", Map.of()),
                service("activity-directory-service", ports.directory(), "directory", Map.of(DEMO_DATA, WITH_DEMO)),
                service("caseload-service", ports.caseload(), "caseload", Map.of(DEMO_DATA, WITH_DEMO,
                        "QUARKUS_REST_CLIENT_DIRECTORY_URL", "http://localhost:" + ports.directory(),
                        "QUARKUS_OIDC_CLIENT_AUTH_SERVER_URL", settings.issuer(),
                        "QUARKUS_OIDC_CLIENT_CLIENT_ID", "caseload-service",
                        "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", "caseload-service-local-secret",
                        // Its token client trusts the local CA through the TLS configuration every service is given.
                        "QUARKUS_OIDC_CLIENT_TLS_TLS_CONFIGURATION_NAME", "keycloak")),
                service("outcomes-service", ports.outcomes(), "outcomes", Map.of()))
                .filter(service -> services.contains(service.name())).toList();
    }

    /**
     * The reference ICS dashboard: its own database, ics-events read as the ICS's {@code ics-dashboard} Kafka client,
     * analysts' browsers logged in through the realm's {@code ics-dashboard-web} client.
     */
    private Component dashboard() {
        return service(DASHBOARD, settings.ports().dashboard(), "dashboard", Map.of(
                "QUARKUS_OIDC_CLIENT_ID", "ics-dashboard-web",
                "QUARKUS_OIDC_CREDENTIALS_SECRET", "ics-dashboard-web-local-secret"));
    }

    private Component service(String module, int port, String database, Map<String, String> extra) {
        SuiteSettings.Ports ports = settings.ports();
        return new Component(module, List.of(port), Component.Readiness.http("http://localhost:" + port + "/q/health/ready"), () -> {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
            env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + ports.postgres() + "/" + database);
            env.put("QUARKUS_DATASOURCE_USERNAME", "postgres");
            env.put("QUARKUS_DATASOURCE_PASSWORD", "postgres");
            env.put("KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers());
            // Kafka: TLS trusting the local CA, SASL OAUTHBEARER with this service's client-credentials token.
            env.put("KAFKA_SSL_TRUSTSTORE_LOCATION", ca.certificate().toString());
            env.put("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", settings.tokenEndpoint());
            env.put("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET", module + "-local-secret");
            env.put("QUARKUS_OIDC_AUTH_SERVER_URL", settings.issuer());
            if (SERVICES.contains(module)) {
                // The pseudonyms' key stays with the services: the dashboard, like any ICS consumer, never has it.
                env.put("LINKWORK_PSEUDONYM_SECRET", pseudonymSecret());
            }
            // glibc gives each busy thread its own malloc arena (up to 8 per core), which the JVM's own allocations
            // fragment into tens of MB; two are enough for what the JVM does not allocate itself.
            env.put("MALLOC_ARENA_MAX", "2");
            env.putAll(extra);
            Path app = settings.repository().resolve(module).resolve("target/quarkus-app");
            List<String> command = new ArrayList<>(List.of(java(), JVM_GC, JVM_HEAP, JVM_ON_OUT_OF_MEMORY));
            // The class-data archive holds for the class path it was written with: quarkus-run.jar, run from app/.
            if (Files.isRegularFile(app.resolve(CLASS_DATA_ARCHIVE))) {
                command.add("-XX:SharedArchiveFile=" + CLASS_DATA_ARCHIVE);
            }
            command.addAll(List.of(
                    // The services trust the local CA for their calls to Keycloak, through a named TLS configuration.
                    "-Dquarkus.tls.keycloak.trust-store.pem.certs=" + ca.certificate(),
                    "-Dquarkus.oidc.tls.tls-configuration-name=keycloak",
                    // Kafka's client calls no identity-provider URL that is not listed here.
                    "-D" + KafkaClients.ALLOWED_URLS_PROPERTY + "=" + settings.tokenEndpoint(),
                    "-jar", "quarkus-run.jar"));
            return new Component.Launch(command, env, app);
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
                    env.put("LINKWORK_DASHBOARD_URL", "http://localhost:" + ports.dashboard());
                    List<String> command = List.of(Prerequisites.httpd().toString(), "-f",
                            gatewayHome.resolve("linkwork-gateway.conf").toString(), "-DFOREGROUND");
                    return new Component.Launch(command, env, settings.home());
                });
    }

    /** A secret made once per suite home, so pseudonyms stay stable across down/up. */
    @Override
    public String pseudonymSecret() {
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
        for (String module : Stream.concat(services.stream(), Stream.of(DASHBOARD)).toList()) {
            if (!Files.exists(settings.repository().resolve(module).resolve("target/quarkus-app/quarkus-run.jar"))) {
                missing.add(module);
            }
        }
        settings.keycloakDistribution();
        if (!missing.isEmpty()) {
            throw new LauncherException("Not built yet: " + missing + ". Run ./mvnw -B -DskipTests install (deploy/local/linkwork does this).");
        }
    }

    @Override
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
                ICS dashboard:  %1$s/dashboard/  (log in as an ICS analyst: analyst-ria / linkwork-local)

                A token for a demo user (password linkwork-local; users in deploy/local/README.md):
                  TOKEN=$(curl -s --cacert %7$s -d grant_type=password -d client_id=linkwork-cli \\
                          -d username=dr-patel -d password=linkwork-local \\
                          %8$s/protocol/openid-connect/token | jq -r .access_token)
                  curl -H "Authorization: Bearer $TOKEN" "%1$s/directory/services?text=walking&postcode=LS6"

                Walk one patient through the whole flow:  deploy/local/linkwork demo
                Read ics-events as an ICS dashboard:      deploy/local/linkwork ics-events
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
