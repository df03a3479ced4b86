package org.linkwork.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the local suite's PostgreSQL or its Kafka broker with persistent data until the process is terminated.
 *
 * <p>Usage: {@code InfraMain postgres|kafka [dataDirectory]}; the data directory defaults to env
 * {@code LINKWORK_DATA_DIR}, else {@code ~/.linkwork/data}. Two processes because the broker verifies client
 * tokens with the realm's keys, so it starts after Keycloak, which itself needs PostgreSQL.
 * <ul>
 * <li>{@code postgres}: port from env {@code LINKWORK_POSTGRES_PORT} (5432).</li>
 * <li>{@code kafka}: port from env {@code LINKWORK_KAFKA_PORT} (9092); env {@code LINKWORK_CA_DIR} names the local
 * CA that signs the broker's certificate (made there if missing), {@code LINKWORK_KAFKA_ISSUER} the realm whose
 * client-credentials tokens clients present (its JWKS is {@code <issuer>/protocol/openid-connect/certs}).</li>
 * </ul>
 * Prints the connection settings as {@code NAME=value} lines, then {@code READY}.
 */
public final class InfraMain {

    /** One database per service, and Keycloak's for the local suite's realm. */
    static final List<String> DATABASES = List.of("referral", "directory", "caseload", "outcomes", "dashboard", "keycloak");

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleLog.install();
        if (args.length == 0 || !List.of("postgres", "kafka").contains(args[0])) {
            System.err.println("Usage: InfraMain postgres|kafka [dataDirectory]");
            System.exit(2);
        }
        Path dataDirectory = Path.of(args.length > 1 ? args[1]
                : env("LINKWORK_DATA_DIR", Path.of(System.getProperty("user.home"), ".linkwork", "data").toString()));
        AutoCloseable server;
        try {
            server = args[0].equals("postgres") ? postgres(dataDirectory) : kafka(dataDirectory);
        } catch (RuntimeException e) {
            // The broker's threads would keep a JVM whose server failed to start alive; end it, so its launcher sees.
            e.printStackTrace();
            System.exit(1);
            return;
        }
        // SIGTERM and SIGINT run shutdown hooks: the server stops cleanly and keeps its data.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("Could not stop cleanly: " + e);
            }
        }, "linkwork-infra-stop"));
        System.out.println("READY");

        // The server's threads would keep the JVM up anyway; waiting here says so explicitly.
        Thread.currentThread().join();
    }

    private static PostgresServer postgres(Path dataDirectory) {
        PostgresServer postgres = PostgresServer.start(dataDirectory.resolve("postgres"),
                Integer.parseInt(env("LINKWORK_POSTGRES_PORT", "5432")));
        for (String database : DATABASES) {
            System.out.println("LINKWORK_JDBC_URL_" + database.toUpperCase(Locale.ROOT) + "=" + postgres.jdbcUrl(database));
        }
        System.out.println("LINKWORK_POSTGRES_USERNAME=" + postgres.username());
        System.out.println("LINKWORK_POSTGRES_PASSWORD=" + postgres.password());
        return postgres;
    }

    private static KafkaBroker kafka(Path dataDirectory) {
        CertificateAuthority ca = CertificateAuthority.in(Path.of(required("LINKWORK_CA_DIR")));
        String issuer = required("LINKWORK_KAFKA_ISSUER");
        // The broker fetches the realm's JWKS with the JVM's default trust: the local CA signs Keycloak's certificate.
        System.setProperty("javax.net.ssl.trustStore", ca.trustStore().toString());
        System.setProperty("javax.net.ssl.trustStorePassword", CertificateAuthority.STORE_PASSWORD);
        System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
        KafkaBroker kafka = KafkaBroker.start(dataDirectory.resolve("kafka"), Integer.parseInt(env("LINKWORK_KAFKA_PORT", "9092")),
                new KafkaBroker.Security(ca, ca.keyStore(dataDirectory.resolve("tls/kafka-broker.p12"), KafkaBroker.BROKER_PRINCIPAL),
                        issuer + "/protocol/openid-connect/certs", issuer, List.of()));
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
        return kafka;
    }

    private static String required(String name) {
        String value = env(name, null);
        if (value == null) {
            System.err.println("Environment variable " + name + " is required");
            System.exit(2);
        }
        return value;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
