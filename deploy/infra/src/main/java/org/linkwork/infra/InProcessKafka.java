package org.linkwork.infra;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.acl.AclBinding;
import org.apache.kafka.common.acl.AclBindingFilter;
import org.apache.kafka.common.utils.Exit;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/** The broker behind {@link KafkaBroker}, running in this JVM: storage formatting, configuration, security, lifecycle. */
final class InProcessKafka implements KafkaBroker.Lifecycle {

    private static final Logger LOG = Logger.getLogger(KafkaBroker.class.getName());

    private static final String HOST = "127.0.0.1";
    private static final int NODE_ID = 1;
    private static final String CLIENT_LISTENER = "CLIENTS";
    private static final String BROKER_LISTENER = "BROKER";
    private static final String CONTROLLER_LISTENER = "CONTROLLER";

    // The broker logs hundreds of INFO lines per start (several full config dumps among them); only
    // warnings matter to people running tests. The org.apache.kafka.common categories are lifecycle
    // chatter that the broker and clients share, so this JVM's clients print less of it too.
    // Strong references: java.util.logging forgets a level set on a logger that is garbage collected.
    private static final List<Logger> QUIETED = Stream.of("kafka", "state.change.logger",
                    "org.apache.kafka.server", "org.apache.kafka.raft", "org.apache.kafka.controller",
                    "org.apache.kafka.metadata", "org.apache.kafka.image", "org.apache.kafka.storage",
                    "org.apache.kafka.coordinator", "org.apache.kafka.queue", "org.apache.kafka.snapshot",
                    "org.apache.kafka.security", "org.apache.kafka.network",
                    "org.apache.kafka.common.config.AbstractConfig", "org.apache.kafka.common.utils.AppInfoParser",
                    "org.apache.kafka.common.metrics.Metrics", "org.apache.kafka.common.telemetry")
            .map(Logger::getLogger)
            .toList();

    private final Path logDir;
    private final boolean temporary;
    private final int port;
    private final int brokerPort;
    private final int controllerPort;
    private final KafkaBroker.Security security;
    private KafkaRaftServer server;

    private InProcessKafka(Path logDir, boolean temporary, int port, int brokerPort, int controllerPort,
            KafkaBroker.Security security) {
        this.logDir = logDir;
        this.temporary = temporary;
        this.port = port;
        this.brokerPort = brokerPort;
        this.controllerPort = controllerPort;
        this.security = security;
    }

    /**
     * @param security {@code null} only for the throughput comparison in this package's benchmark: every
     *                 listener plaintext and no authorisation, as the broker was before it was secured
     */
    static InProcessKafka start(Path logDirOrNull, int portOrZero, KafkaBroker.Security security) {
        quietBrokerLogs();
        keepJvmAlive();
        try {
            Path logDir = logDirOrNull == null
                    ? Files.createTempDirectory("linkwork-kafka")
                    : Files.createDirectories(logDirOrNull);
            InProcessKafka kafka = new InProcessKafka(logDir, logDirOrNull == null,
                    portOrZero == 0 ? freePort() : portOrZero, freePort(), freePort(), security);
            try {
                kafka.formatIfNew();
                kafka.restart();
                if (security != null) {
                    withBrokerClassLoader(kafka::createTopicsAndAcls);
                }
            } catch (RuntimeException e) {
                kafka.close();
                throw e;
            }
            return kafka;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String bootstrapServers() {
        return HOST + ":" + port;
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized void restart() {
        if (server != null) {
            return;
        }
        long started = System.nanoTime();
        withBrokerClassLoader(() -> {
            KafkaRaftServer starting = new KafkaRaftServer(new KafkaConfig(config(), false), Time.SYSTEM);
            try {
                starting.startup();
            } catch (RuntimeException e) {
                starting.shutdown();
                starting.awaitShutdown();
                throw e;
            }
            server = starting;
        });
        LOG.info(String.format("Kafka broker started in %d ms on %s (data: %s)",
                (System.nanoTime() - started) / 1_000_000, bootstrapServers(), temporary ? "temporary" : logDir));
    }

    @Override
    public synchronized void stop() {
        if (server == null) {
            return;
        }
        long stopping = System.nanoTime();
        withBrokerClassLoader(() -> {
            server.shutdown();
            server.awaitShutdown();
        });
        server = null;
        LOG.info(String.format("Kafka broker on %s stopped in %d ms",
                bootstrapServers(), (System.nanoTime() - stopping) / 1_000_000));
    }

    @Override
    public synchronized void close() {
        stop();
        if (temporary) {
            deleteRecursively(logDir);
        }
    }

    private Map<String, String> config() {
        // Strings throughout: Kafka parses them into each setting's own type (short, int, boolean).
        Map<String, String> config = new HashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", String.valueOf(NODE_ID));
        config.put("controller.quorum.voters", NODE_ID + "@" + HOST + ":" + controllerPort);
        config.put("controller.listener.names", CONTROLLER_LISTENER);
        if (security == null) {
            config.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
            config.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + port);
            config.put("listener.security.protocol.map", CLIENT_LISTENER + ":PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
            config.put("inter.broker.listener.name", CLIENT_LISTENER);
        } else {
            config.putAll(securityConfig());
        }
        config.put("log.dirs", logDir.toString());
        // A single node: every replicated internal topic must make do with one replica.
        config.put("default.replication.factor", "1");
        config.put("min.insync.replicas", "1");
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        // Few partitions and threads: the machines have 2 cores and every partition costs files and time.
        config.put("num.partitions", "1");
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.num.partitions", "3");
        config.put("share.coordinator.state.topic.num.partitions", "3");
        config.put("num.network.threads", "2");
        config.put("num.io.threads", "2");
        config.put("background.threads", "2");
        config.put("num.recovery.threads.per.data.dir", "1");
        // Consumers in tests join alone; waiting for more members only slows every test down.
        config.put("group.initial.rebalance.delay.ms", "0");
        // Only a principal allowed to CREATE may create a topic this way: the super users (tests' own topics).
        config.put("auto.create.topics.enable", "true");
        return config;
    }

    // Clients: SASL_SSL with OAUTHBEARER tokens from the realm, the principal being the token's client (azp).
    // Broker-to-controller and inter-broker traffic: TLS with client certificates, the principal being the
    // certificate's CN, the only super user besides those the caller names. Every other right is an ACL.
    private Map<String, String> securityConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + "," + BROKER_LISTENER + "://" + HOST + ":"
                + brokerPort + "," + CONTROLLER_LISTENER + "://" + HOST + ":" + controllerPort);
        config.put("advertised.listeners", CLIENT_LISTENER + "://" + HOST + ":" + port + "," + BROKER_LISTENER + "://" + HOST
                + ":" + brokerPort);
        config.put("listener.security.protocol.map", CLIENT_LISTENER + ":SASL_SSL," + BROKER_LISTENER + ":SSL,"
                + CONTROLLER_LISTENER + ":SSL");
        config.put("inter.broker.listener.name", BROKER_LISTENER);
        config.putAll(brokerTls());
        config.put("listener.name.broker.ssl.client.auth", "required");
        config.put("listener.name.controller.ssl.client.auth", "required");
        config.put("ssl.principal.mapping.rules", "RULE:^CN=([^,]+).*$/$1/,DEFAULT");

        config.put("sasl.enabled.mechanisms", "OAUTHBEARER");
        String listener = "listener.name." + CLIENT_LISTENER.toLowerCase(Locale.ROOT) + ".oauthbearer.";
        config.put(listener + "sasl.server.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler");
        // No options: with any, the broker's own login on this listener tries to make itself an unsecured token.
        // The JWKS over https is fetched with the JVM's trust store, which must hold the realm's CA.
        config.put(listener + "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;");
        config.put("sasl.oauthbearer.jwks.endpoint.url", security.jwksUrl());
        config.put("sasl.oauthbearer.expected.issuer", security.issuer());
        config.put("sasl.oauthbearer.expected.audience", ClientCredentialsIssuer.KAFKA_AUDIENCE);
        config.put("sasl.oauthbearer.sub.claim.name", "azp");
        // Authenticated connections must present a fresh token every 10 minutes: a client whose access is
        // withdrawn in the realm loses the broker within that time, not at its next restart.
        config.put("connections.max.reauth.ms", "600000");

        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("allow.everyone.if.no.acl.found", "false");
        config.put("super.users", Stream.concat(Stream.of(KafkaBroker.BROKER_PRINCIPAL),
                security.superUsers().stream()).map(user -> "User:" + user).collect(Collectors.joining(";")));
        return config;
    }

    private Map<String, String> brokerTls() {
        Map<String, String> tls = new HashMap<>();
        tls.put("ssl.keystore.type", "PKCS12");
        tls.put("ssl.keystore.location", security.keyStore().toString());
        tls.put("ssl.keystore.password", CertificateAuthority.STORE_PASSWORD);
        tls.put("ssl.key.password", CertificateAuthority.STORE_PASSWORD);
        tls.put("ssl.truststore.type", "PEM");
        tls.put("ssl.truststore.location", security.ca().certificate().toString());
        return tls;
    }

    // The suite's topics exist before any service starts (no service may create one), with the rights of
    // EventBackbone. Done over the broker listener as the broker's own principal; both are idempotent.
    private void createTopicsAndAcls() {
        Map<String, Object> admin = new HashMap<>(brokerTls());
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, HOST + ":" + brokerPort);
        admin.put(AdminClientConfig.SECURITY_PROTOCOL_CONFIG, "SSL");
        try (Admin client = Admin.create(admin)) {
            Set<String> existing = client.listTopics().names().get();
            List<NewTopic> missing = EventBackbone.topics().stream().filter(topic -> !existing.contains(topic))
                    .map(topic -> new NewTopic(topic, Optional.empty(), Optional.empty())).toList();
            client.createTopics(missing).all().get();
            List<AclBinding> acls = KafkaAcls.of(EventBackbone.CLIENTS);
            client.createAcls(acls).all().get();
            // The controller has committed them; the broker applies them a moment later. Until it has, an entitled
            // client connecting at once would be refused, so the broker is ready only when it shows all of them.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!(client.describeAcls(AclBindingFilter.ANY).values().get().containsAll(acls)
                    && client.listTopics().names().get().containsAll(EventBackbone.topics()))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The broker did not apply the suite's topics and ACLs within 30 s");
                }
                Thread.sleep(50);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("Could not create the suite's topics and ACLs", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // What `kafka-storage.sh format --ignore-formatted` does, without StorageTool's System.exit on errors.
    private void formatIfNew() {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        try {
            new Formatter()
                    .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                    .setNodeId(NODE_ID)
                    .setClusterId(Uuid.randomUuid().toString())
                    .setControllerListenerName(CONTROLLER_LISTENER)
                    .setMetadataLogDirectory(logDir.toString())
                    .addDirectory(logDir.toString())
                    .setHasDynamicQuorum(false)
                    .run();
        } catch (Exception e) {
            throw new IllegalStateException("Could not format Kafka storage in " + logDir, e);
        }
    }

    // Kafka instantiates configured classes (e.g. its share-state persister) through the thread context
    // class loader, and the threads it starts inherit that loader. Inside a Quarkus test the caller's is
    // an application class loader with its own copy of the Kafka classes, which breaks those lookups
    // ("NoSuchMethodException: DefaultStatePersister.<init>") and would pin the loader after it closes.
    private static void withBrokerClassLoader(Runnable action) {
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        thread.setContextClassLoader(InProcessKafka.class.getClassLoader());
        try {
            action.run();
        } finally {
            thread.setContextClassLoader(callers);
        }
    }

    private static void quietBrokerLogs() {
        QUIETED.forEach(logger -> logger.setLevel(Level.WARNING));
    }

    // Kafka halts the JVM on fatal faults; in-process that would kill the whole test run or application,
    // so the fault is logged and the failure surfaces through the clients instead.
    private static void keepJvmAlive() {
        Exit.setExitProcedure((status, message) ->
                LOG.severe("Kafka asked to exit the JVM (status " + status + "): " + message));
        Exit.setHaltProcedure((status, message) ->
                LOG.severe("Kafka asked to halt the JVM (status " + status + "): " + message));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warning("Could not delete " + directory + ": " + e);
        }
    }
}
