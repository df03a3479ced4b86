package org.linkwork.infra;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import javax.management.JMX;
import javax.management.MBeanServer;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Quarkus test resource giving a service real PostgreSQL and Kafka, with no containers:
 *
 * <pre>
 * &#64;QuarkusTest
 * &#64;WithTestResource(value = RealInfrastructure.class, scope = TestResourceScope.GLOBAL,
 *         initArgs = &#64;ResourceArg(name = "database", value = "referral"))
 * class ReferralResourceTest { ... }
 * </pre>
 *
 * <p>One PostgreSQL and one Kafka broker serve the whole JVM: started on first use, reused by every
 * test class and application restart, stopped by a shutdown hook ({@link #stop()} leaves them running).
 * Each service gets its own database, named by the init arg {@code database} (default {@code linkwork}).
 *
 * <p>External infrastructure wins: with env {@code QUARKUS_DATASOURCE_JDBC_URL} or system property
 * {@code quarkus.datasource.jdbc.url} set, no PostgreSQL is started; with env
 * {@code KAFKA_BOOTSTRAP_SERVERS} or system property {@code kafka.bootstrap.servers} set, no Kafka.
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {

    public static final String DATABASE_ARG = "database";
    public static final String DEFAULT_DATABASE = "linkwork";
    /** The tests' own Kafka principal (see {@link #kafkaTestHarness()}). */
    public static final String TEST_HARNESS = "linkwork-test-harness";

    // By name: naming the class in code would load it, and maybe register it, in this class loader.
    private static final String SHARED_CLASS = "org.linkwork.infra.SharedInfrastructure";

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault(DATABASE_ARG, DEFAULT_DATABASE);
    }

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        // Both are build-time settings, so META-INF/microprofile-config.properties already sets them
        // for the build; they are repeated here so that the returned configuration is complete.
        config.put("quarkus.devservices.enabled", "false");
        config.put("quarkus.datasource.db-kind", "postgresql");

        String externalJdbcUrl = external("QUARKUS_DATASOURCE_JDBC_URL", "quarkus.datasource.jdbc.url");
        if (externalJdbcUrl != null) {
            config.put("quarkus.datasource.jdbc.url", externalJdbcUrl);
        } else {
            PostgresServer postgres = PostgresServer.attach(shared().startPostgres());
            config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(database));
            config.put("quarkus.datasource.username", postgres.username());
            config.put("quarkus.datasource.password", postgres.password());
        }

        String externalKafka = external("KAFKA_BOOTSTRAP_SERVERS", "kafka.bootstrap.servers");
        if (externalKafka != null) {
            config.put("kafka.bootstrap.servers", externalKafka);
        } else {
            // The service's own settings (kafka.* in platform's configuration) name its client; these say
            // where the test broker is, which CA it chains to, and where its clients get their tokens.
            SharedInfrastructureMXBean shared = shared();
            config.put("kafka.bootstrap.servers", shared.startKafka());
            config.put("kafka.ssl.truststore.location", shared.getKafkaCaCertificate());
            config.put("kafka.sasl.oauthbearer.token.endpoint.url", shared.getKafkaTokenEndpoint());
            config.put("kafka.sasl.oauthbearer.client.credentials.client.secret", shared.getKafkaClientSecret());
        }
        return config;
    }

    @Override
    public void stop() {
        // Nothing: the servers are shared by every application this JVM starts; a shutdown hook stops them.
    }

    /**
     * The JVM's shared broker, for tests that stop and restart it to simulate an outage;
     * {@code null} when Kafka is external or not started. Its {@code close()} does nothing.
     */
    public static KafkaBroker kafka() {
        SharedInfrastructureMXBean shared = registeredShared();
        if (shared == null || shared.getKafkaBootstrapServers() == null) {
            return null;
        }
        return new KafkaBroker(new SharedBroker(shared));
    }

    /**
     * Settings for a Kafka client of the shared broker that authenticates as {@code clientId}: one of
     * {@link EventBackbone}'s clients (with exactly its rights), {@code "gp-system"} (a client of the realm
     * with no right on any topic) or {@link #TEST_HARNESS} (tests writing and reading any topic).
     */
    public static Map<String, Object> kafkaClient(String clientId) {
        SharedInfrastructureMXBean shared = registeredShared();
        if (shared == null || shared.getKafkaBootstrapServers() == null) {
            throw new IllegalStateException("No shared Kafka broker was started in this JVM");
        }
        return KafkaClients.oauth(shared.getKafkaBootstrapServers(), Path.of(shared.getKafkaCaCertificate()),
                shared.getKafkaTokenEndpoint(), clientId, shared.getKafkaClientSecret());
    }

    /** Settings for the tests' own client of the shared broker: a super user there, and only there. */
    public static Map<String, Object> kafkaTestHarness() {
        return kafkaClient(TEST_HARNESS);
    }

    /**
     * The JVM's shared PostgreSQL, for tests that stop and restart it to simulate an outage;
     * {@code null} when PostgreSQL is external or not started. Its {@code close()} does nothing.
     */
    public static PostgresServer postgres() {
        SharedInfrastructureMXBean shared = registeredShared();
        if (shared == null || shared.getPostgresPort() == 0) {
            return null;
        }
        return PostgresServer.attach(shared);
    }

    private static String external(String environmentVariable, String systemProperty) {
        String value = System.getProperty(systemProperty);
        if (value == null || value.isBlank()) {
            value = System.getenv(environmentVariable);
        }
        return value == null || value.isBlank() ? null : value;
    }

    private static SharedInfrastructureMXBean shared() {
        // Initialising SharedInfrastructure registers it. It is loaded through the system class loader
        // when that one sees this module (it does on a test class path): unlike the class loader of
        // each Quarkus application, it is never closed while the servers run.
        ClassLoader system = ClassLoader.getSystemClassLoader();
        ClassLoader loader = system.getResource(SHARED_CLASS.replace('.', '/') + ".class") != null
                ? system
                : RealInfrastructure.class.getClassLoader();
        try {
            Class.forName(SHARED_CLASS, true, loader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return registeredShared();
    }

    private static SharedInfrastructureMXBean registeredShared() {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = objectName();
        return server.isRegistered(name) ? JMX.newMXBeanProxy(server, name, SharedInfrastructureMXBean.class) : null;
    }

    private static ObjectName objectName() {
        try {
            return new ObjectName(SharedInfrastructureMXBean.OBJECT_NAME);
        } catch (MalformedObjectNameException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A broker handle driving the shared broker; closing it is left to the shutdown hook. */
    private record SharedBroker(SharedInfrastructureMXBean shared) implements KafkaBroker.Lifecycle {

        @Override
        public String bootstrapServers() {
            return shared.getKafkaBootstrapServers();
        }

        @Override
        public boolean isRunning() {
            return shared.isKafkaRunning();
        }

        @Override
        public void stop() {
            shared.stopKafka();
        }

        @Override
        public void restart() {
            shared.restartKafka();
        }

        @Override
        public void close() {
        }
    }
}
