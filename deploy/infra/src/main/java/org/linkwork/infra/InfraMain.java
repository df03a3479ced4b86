package org.linkwork.infra;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Runs the local suite's PostgreSQL and Kafka with persistent data until the process is terminated.
 *
 * <p>Usage: {@code InfraMain [dataDirectory]}; the data directory defaults to env
 * {@code LINKWORK_DATA_DIR}, else {@code ~/.linkwork/data}. Ports come from env
 * {@code LINKWORK_POSTGRES_PORT} (5432) and {@code LINKWORK_KAFKA_PORT} (9092).
 * Prints the connection settings as {@code NAME=value} lines, then {@code READY}.
 */
public final class InfraMain {

    /** One database per service, and Keycloak's for the local suite's realm. */
    static final List<String> DATABASES = List.of("referral", "directory", "caseload", "outcomes", "keycloak");

    private InfraMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        ConsoleLog.install();
        Path dataDirectory = Path.of(args.length > 0 ? args[0]
                : env("LINKWORK_DATA_DIR", Path.of(System.getProperty("user.home"), ".linkwork", "data").toString()));
        int postgresPort = Integer.parseInt(env("LINKWORK_POSTGRES_PORT", "5432"));
        int kafkaPort = Integer.parseInt(env("LINKWORK_KAFKA_PORT", "9092"));

        PostgresServer postgres = PostgresServer.start(dataDirectory.resolve("postgres"), postgresPort);
        KafkaBroker kafka;
        try {
            kafka = KafkaBroker.start(dataDirectory.resolve("kafka"), kafkaPort);
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        // SIGTERM and SIGINT run shutdown hooks: both servers stop cleanly and keep their data.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            kafka.close();
            postgres.close();
        }, "linkwork-infra-stop"));

        for (String database : DATABASES) {
            System.out.println("LINKWORK_JDBC_URL_" + database.toUpperCase(Locale.ROOT) + "=" + postgres.jdbcUrl(database));
        }
        System.out.println("LINKWORK_POSTGRES_USERNAME=" + postgres.username());
        System.out.println("LINKWORK_POSTGRES_PASSWORD=" + postgres.password());
        System.out.println("KAFKA_BOOTSTRAP_SERVERS=" + kafka.bootstrapServers());
        System.out.println("READY");

        // Kafka's threads would keep the JVM up anyway; waiting here says so explicitly.
        Thread.currentThread().join();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
