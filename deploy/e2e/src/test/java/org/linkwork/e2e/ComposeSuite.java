package org.linkwork.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.linkwork.local.Deployment;
import org.linkwork.local.TrustedCertificates;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.ComposeContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Frame;

/**
 * The suite as containers: {@code deploy/compose/compose.yaml} started with Testcontainers (local
 * {@code docker compose}, project {@value #PROJECT}-<random>) after {@code deploy/containers/prepare.sh} has made the
 * engine, the compose plugin and the images ready. Every service runs with its replicas behind the
 * gateway, Kafka as three brokers. Published ports (127.0.0.1 only) are the compose file's: gateway 8080,
 * Keycloak 8443, Kafka 19092-19094. Volumes are removed when the JVM ends, so each run starts empty.
 */
final class ComposeSuite implements Deployment {

    /** Testcontainers names the compose project this plus a random suffix. */
    static final String PROJECT = "linkwork-e2e";
    /** outcomes-service's pseudonym key in compose.yaml unless the environment sets one. */
    private static final String COMPOSE_PSEUDONYM_SECRET = "local-only-pseudonym-key-never-use-in-production";
    private static final Duration STARTUP = Duration.ofMinutes(20);
    private static final Duration HEALTHY_WITHIN = Duration.ofMinutes(6);
    private static final String QUERY_FILE = "/tmp/linkwork-e2e-query.sql";
    private static final String PROJECT_LABEL = "com.docker.compose.project";

    private final ComposeContainer compose;
    private final String project;
    private final Path repository;
    private final Path certificates;
    private final HttpClient http;

    private ComposeSuite(ComposeContainer compose, Path repository, Path certificates) {
        this.compose = compose;
        this.project = compose.getContainerByServiceName("postgres").orElseThrow().getContainerInfo().getConfig().getLabels()
                .get(PROJECT_LABEL);
        this.repository = repository;
        this.certificates = certificates;
        this.http = HttpClient.newBuilder().sslContext(TrustedCertificates.sslContext(certificates.resolve("keycloak.crt")))
                .connectTimeout(Duration.ofSeconds(3)).build();
    }

    static ComposeSuite up(Path repository) {
        Path file = repository.resolve("deploy/compose/compose.yaml");
        Map<String, String> environment = prepare(repository);
        // An interrupted earlier run may have left its containers (and the ports they hold).
        for (String project : earlierProjects()) {
            run(repository, "docker", "compose", "-p", project, "-f", file.toString(), "down", "-v", "--remove-orphans");
        }
        ComposeContainer compose = new ComposeContainer(PROJECT, file.toFile())
                .withEnv(environment)
                .withPull(false)
                .withRemoveVolumes(true)
                .withStartupTimeout(STARTUP)
                .waitingFor("gateway", Wait.forHealthcheck().withStartupTimeout(STARTUP));
        Instant started = Instant.now();
        Runtime.getRuntime().addShutdownHook(new Thread(compose::stop, "compose-down"));
        try {
            compose.start();
        } catch (RuntimeException e) {
            throw new IllegalStateException("The compose suite did not come up:" + notHealthy(), e);
        }
        System.out.printf("compose suite up with replicas in %d s%n", Duration.between(started, Instant.now()).toSeconds());
        Path certificates = repository.resolve("deploy/e2e/target/compose");
        var keycloak = compose.getContainerByServiceName("keycloak")
                .orElseThrow(() -> new IllegalStateException("no keycloak container in " + PROJECT));
        try {
            Files.createDirectories(certificates);
            keycloak.copyFileFromContainer("/tls/keycloak.crt", certificates.resolve("keycloak.crt").toString());
            keycloak.copyFileFromContainer("/tls/kafka-ca.crt", certificates.resolve("kafka-ca.crt").toString());
            // Compose's Kafka CA and Keycloak's self-signed certificate are two roots; a client trusts both.
            Files.writeString(certificates.resolve("trusted.pem"), Files.readString(certificates.resolve("kafka-ca.crt")).strip() + "\n"
                    + Files.readString(certificates.resolve("keycloak.crt")).strip() + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("Cannot copy the suite's certificates to " + certificates, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return new ComposeSuite(compose, repository, certificates);
    }

    /** Runs prepare.sh: its progress goes to this output, its stdout is compose's environment (NAME=value lines). */
    private static Map<String, String> prepare(Path repository) {
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> output = run(repository, "deploy/containers/prepare.sh");
        for (String line : output) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                environment.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        System.out.println("compose environment from prepare.sh: " + environment);
        return environment;
    }

    private static List<String> run(Path directory, String... command) {
        try {
            Process process = new ProcessBuilder(command).directory(directory.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            List<String> lines;
            try (InputStream out = process.getInputStream();
                    BufferedReader reader = new BufferedReader(new InputStreamReader(out, StandardCharsets.UTF_8))) {
                lines = reader.lines().toList();
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (exit " + exit + "); its reason is printed above");
            }
            return lines;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * psql's unaligned answer (one row per line) to {@code query} in {@code database}, run as the superuser inside the
     * postgres container. The query goes in as a file: one with thousands of ids is longer than the 128 KiB an exec
     * argument may be.
     */
    synchronized List<String> sql(String database, String query) {
        var postgres = compose.getContainerByServiceName("postgres")
                .orElseThrow(() -> new IllegalStateException("no postgres container in " + PROJECT));
        try {
            postgres.copyFileToContainer(Transferable.of(query), QUERY_FILE);
            var result = postgres.execInContainer("psql", "-U", "postgres", "-d", database, "-v", "ON_ERROR_STOP=1", "-tA", "-f", QUERY_FILE);
            if (result.getExitCode() != 0) {
                throw new IllegalStateException("psql " + database + ": " + result.getStderr());
            }
            return result.getStdout().lines().filter(line -> !line.isBlank()).toList();
        } catch (IOException e) {
            throw new IllegalStateException("psql " + database + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public Path repository() {
        return repository;
    }

    @Override
    public String gatewayUrl() {
        return "http://localhost:8080";
    }

    @Override
    public String keycloakUrl() {
        return "https://localhost:8443";
    }

    @Override
    public String kafkaBootstrapServers() {
        return "localhost:19092,localhost:19093,localhost:19094";
    }

    @Override
    public Path caCertificates() {
        return certificates.resolve("trusted.pem");
    }

    @Override
    public HttpClient http() {
        return http;
    }

    @Override
    public String pseudonymSecret() {
        String secret = System.getenv("LINKWORK_PSEUDONYM_SECRET");
        return secret == null || secret.isBlank() ? COMPOSE_PSEUDONYM_SECRET : secret;
    }

    /** Every replica of {@code service}, or one container such as {@code kafka-2}. */
    List<Container> containers(String service) {
        return docker().listContainersCmd().withShowAll(true)
                .withLabelFilter(Map.of(PROJECT_LABEL, project, "com.docker.compose.service", service)).exec();
    }

    private static Set<String> earlierProjects() {
        return projectContainers().stream().map(ComposeSuite::project).collect(Collectors.toSet());
    }

    /** Every container, running or not, of a compose project this class started (this run's or an earlier one's). */
    private static List<Container> projectContainers() {
        return docker().listContainersCmd().withShowAll(true).withLabelFilter(List.of(PROJECT_LABEL)).exec().stream()
                .filter(c -> project(c).startsWith(PROJECT))
                .toList();
    }

    private static String project(Container container) {
        return container.getLabels().get(PROJECT_LABEL);
    }

    /** Every container of this run that is neither healthy nor finished its work, with what it said last. */
    private static String notHealthy() {
        StringBuilder text = new StringBuilder();
        for (Container container : projectContainers()) {
            String status = container.getStatus();
            if (!status.contains("(healthy)") && !status.startsWith("Exited (0)")) {
                text.append("\n\n").append(container.getNames()[0]).append(": ").append(status).append(diagnosis(container));
            }
        }
        return text.toString();
    }

    /** SIGKILL to every replica of {@code service}. */
    @Override
    public boolean crash(String service) {
        boolean killed = false;
        for (Container container : containers(service)) {
            if ("running".equals(container.getState())) {
                kill(container);
                killed = true;
            }
        }
        return killed;
    }

    static void kill(Container container) {
        docker().killContainerCmd(container.getId()).withSignal("SIGKILL").exec();
    }

    /** {@code docker stop} of every replica of {@code service}: SIGTERM, then up to 30 s to finish. */
    @Override
    public boolean stop(String service) {
        boolean stopped = false;
        for (Container container : containers(service)) {
            if ("running".equals(container.getState())) {
                docker().stopContainerCmd(container.getId()).withTimeout(30).exec();
                stopped = true;
            }
        }
        return stopped;
    }

    /** Starts every stopped replica of {@code service} and waits until each is healthy. */
    @Override
    public void start(String service) {
        List<Container> replicas = containers(service);
        for (Container container : replicas) {
            if (!"running".equals(container.getState())) {
                docker().startContainerCmd(container.getId()).exec();
            }
        }
        replicas.forEach(ComposeSuite::awaitHealthy);
    }

    /**
     * Waits until the engine reports {@code container} healthy and returns how long that took. A replica restarted
     * beside the load took up to five and a half minutes on a saturated two-core machine, so the wait is generous;
     * when it runs out, the failure carries the health check's last answers and the container's last log lines.
     */
    static Duration awaitHealthy(Container container) {
        Instant start = Instant.now();
        Instant deadline = start.plus(HEALTHY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            var state = docker().inspectContainerCmd(container.getId()).exec().getState();
            if (state.getHealth() != null && "healthy".equals(state.getHealth().getStatus())) {
                return Duration.between(start, Instant.now());
            }
            Pause.of(Duration.ofMillis(500));
        }
        throw new IllegalStateException(String.join(",", container.getNames()) + " was not healthy within "
                + HEALTHY_WITHIN.toMinutes() + " minutes" + diagnosis(container));
    }

    private static String diagnosis(Container container) {
        var state = docker().inspectContainerCmd(container.getId()).exec().getState();
        StringBuilder text = new StringBuilder("\nstate: ").append(state.getStatus()).append(", exit code ").append(state.getExitCodeLong())
                .append(", OOM-killed ").append(state.getOOMKilled());
        if (state.getHealth() != null && state.getHealth().getLog() != null) {
            state.getHealth().getLog().forEach(check -> text.append("\nhealth check: exit ").append(check.getExitCodeLong())
                    .append(' ').append(check.getOutput() == null ? "" : check.getOutput().strip()));
        }
        text.append("\nlast log lines:");
        try {
            docker().logContainerCmd(container.getId()).withStdOut(true).withStdErr(true).withTail(60)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            text.append("\n").append(new String(frame.getPayload(), StandardCharsets.UTF_8).stripTrailing());
                        }
                    }).awaitCompletion(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return text.toString();
    }

    static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }
}
