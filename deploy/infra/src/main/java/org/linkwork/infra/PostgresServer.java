package org.linkwork.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server process, run from the binaries that zonky ships in a Maven jar.
 *
 * <p>Authentication is {@code trust} on localhost: {@link #password()} is accepted but not checked.
 */
public final class PostgresServer implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PostgresServer.class.getName());
    // zonky relays every line initdb and pg_ctl print at INFO (about 40 per start); failures still
    // surface as exceptions. A strong reference, since java.util.logging forgets levels of collected loggers.
    private static final Logger ZONKY = Logger.getLogger("io.zonky.test.db.postgres");

    private static final String SUPERUSER = "postgres";
    private static final String PASSWORD = "postgres";
    // Database names are interpolated into CREATE DATABASE, so only plain identifiers are accepted.
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String DUPLICATE_DATABASE = "42P04";

    private final int port;
    // Null for a handle to a server that another owner (the JVM-wide shared one) runs.
    private final Path dataDirectory;
    private final boolean throwaway;
    private final SharedInfrastructureMXBean shared;
    private EmbeddedPostgres process;

    private PostgresServer(int port, Path dataDirectory, boolean throwaway, EmbeddedPostgres process,
            SharedInfrastructureMXBean shared) {
        this.port = port;
        this.dataDirectory = dataDirectory;
        this.throwaway = throwaway;
        this.process = process;
        this.shared = shared;
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirectoryOrNull data directory kept across restarts (initialised on first use);
     *                            {@code null} for a temporary one deleted on {@link #close()}
     * @param portOrZero          port to listen on; 0 picks a free one
     */
    public static PostgresServer start(Path dataDirectoryOrNull, int portOrZero) {
        ZONKY.setLevel(Level.WARNING);
        boolean throwaway = dataDirectoryOrNull == null;
        Path data;
        try {
            data = throwaway ? Files.createTempDirectory("linkwork-postgres") : Files.createDirectories(dataDirectoryOrNull);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        EmbeddedPostgres process = launch(data, throwaway, portOrZero);
        return new PostgresServer(process.getPort(), data, throwaway, process, null);
    }

    private static EmbeddedPostgres launch(Path data, boolean throwaway, int portOrZero) {
        long started = System.nanoTime();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(portOrZero)
                // initdb must not depend on which locales the machine happens to have installed.
                .setLocaleConfig("locale", "C")
                // The default 10 s is tight for a first start on a busy 2-core machine (binaries unpack first).
                .setPGStartupWait(Duration.ofSeconds(60))
                // Kept for restart(); a throwaway directory is deleted by close().
                .setDataDirectory(data).setCleanDataDirectory(false);
        if (throwaway) {
            // Throwaway data (tests): durability costs I/O that tests do not need.
            builder.setServerConfig("fsync", "off").setServerConfig("full_page_writes", "off");
        } else {
            // Kept data is data someone relies on: zonky starts postgres with -F (fsync off) and
            // synchronous_commit off, so an acknowledged commit could vanish on power loss. A later -c wins over -F.
            builder.setServerConfig("fsync", "on").setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    // Statement statistics, as a production server keeps them: the load suite (deploy/load) reads
                    // what each request costs each database.
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        }
        EmbeddedPostgres process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
        LOG.info(String.format("PostgreSQL started in %d ms on port %d (data: %s)",
                (System.nanoTime() - started) / 1_000_000, process.getPort(), throwaway ? "temporary" : data));
        return process;
    }

    /** A handle to a server owned elsewhere; {@link #close()} leaves that server running. */
    static PostgresServer attach(int port) {
        return new PostgresServer(port, null, false, null, null);
    }

    /** A handle to the JVM-wide shared server: stop and restart drive it, close leaves it running. */
    static PostgresServer attach(SharedInfrastructureMXBean shared) {
        return new PostgresServer(shared.getPostgresPort(), null, false, null, shared);
    }

    /** JDBC URL of {@code database}, which is created first if it does not exist yet. */
    public String jdbcUrl(String database) {
        createDatabase(database);
        return url(database);
    }

    /** Creates {@code database} unless it exists; safe to call repeatedly and concurrently. */
    public void createDatabase(String database) {
        if (!DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException("Not a plain lower-case database name: " + database);
        }
        try (Connection connection = connect("postgres")) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
            }
        } catch (SQLException e) {
            if (!DUPLICATE_DATABASE.equals(e.getSQLState())) {
                throw new IllegalStateException("Could not create database " + database, e);
            }
        }
    }

    public String username() {
        return SUPERUSER;
    }

    public String password() {
        return PASSWORD;
    }

    public int port() {
        return port;
    }

    /** Shuts the server down (an outage), keeping its data directory and port for {@link #restart()}. */
    public synchronized void stop() {
        if (shared != null) {
            shared.stopPostgres();
            return;
        }
        if (process == null) {
            return;
        }
        long stopping = System.nanoTime();
        try {
            process.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        process = null;
        LOG.info(String.format("PostgreSQL on port %d stopped in %d ms", port, (System.nanoTime() - stopping) / 1_000_000));
    }

    /** Starts a stopped server again on the same port and data directory. */
    public synchronized void restart() {
        if (shared != null) {
            shared.restartPostgres();
            return;
        }
        if (dataDirectory == null) {
            throw new IllegalStateException("A handle to a server owned elsewhere cannot restart it");
        }
        if (process == null) {
            process = launch(dataDirectory, throwaway, port);
        }
    }

    public synchronized boolean isRunning() {
        return shared != null ? shared.isPostgresRunning() : process != null;
    }

    /** Stops the server (fast shutdown) and deletes a temporary data directory; no-op on a handle. */
    @Override
    public void close() {
        if (dataDirectory == null) {
            return;
        }
        stop();
        if (throwaway) {
            try (var paths = Files.walk(dataDirectory)) {
                paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private String url(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    // The driver is used directly rather than through DriverManager, which only sees drivers
    // registered by the caller's class loader (Quarkus tests run in their own loaders).
    private Connection connect(String database) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", SUPERUSER);
        credentials.setProperty("password", PASSWORD);
        return new org.postgresql.Driver().connect(url(database), credentials);
    }
}
