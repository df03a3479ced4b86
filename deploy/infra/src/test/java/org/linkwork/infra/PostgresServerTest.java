package org.linkwork.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @Test
    void createsSeparateDatabasesWhoseTablesDoNotLeak() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(null, 0)) {
            String referral = postgres.jdbcUrl("referral");
            String directory = postgres.jdbcUrl("directory");

            execute(postgres, referral, "CREATE TABLE referral_note (id int PRIMARY KEY)");

            assertTrue(tableExists(postgres, referral, "referral_note"));
            assertFalse(tableExists(postgres, directory, "referral_note"));
        }
    }

    @Test
    void keepsDataAndDatabasesAcrossRestartsWithAPersistentDirectory(@TempDir Path root) throws Exception {
        Path data = root.resolve("pgdata");
        int port;
        try (PostgresServer first = PostgresServer.start(data, 0)) {
            port = first.port();
            String url = first.jdbcUrl("caseload");
            execute(first, url, "CREATE TABLE link_worker (name text)");
            execute(first, url, "INSERT INTO link_worker VALUES ('Ada')");
        }
        assertTrue(Files.exists(data.resolve("PG_VERSION")), "data directory kept after close");

        try (PostgresServer second = PostgresServer.start(data, port)) {
            // Asking for the URL again must not fail although the database already exists.
            String url = second.jdbcUrl("caseload");
            try (Connection connection = DriverManager.getConnection(url, second.username(), second.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT name FROM link_worker")) {
                assertTrue(rows.next());
                assertEquals("Ada", rows.getString(1));
            }
        }
    }

    @Test
    void anOutageStopsTheServerAndARestartBringsItBackWithItsData() throws Exception {
        Path data;
        try (PostgresServer postgres = PostgresServer.start(null, 0)) {
            String url = postgres.jdbcUrl("outcomes");
            execute(postgres, url, "CREATE TABLE assessment (score int)");
            execute(postgres, url, "INSERT INTO assessment VALUES (27)");

            postgres.stop();
            assertFalse(postgres.isRunning());
            assertThrows(SQLException.class, () -> execute(postgres, url, "SELECT 1"));

            postgres.restart();
            assertTrue(postgres.isRunning());
            try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT score FROM assessment")) {
                assertTrue(rows.next());
                assertEquals(27, rows.getInt(1));
            }
            data = Path.of(setting(postgres, url, "data_directory"));
        }
        assertFalse(Files.exists(data), "a throwaway data directory is deleted on close");
    }

    @Test
    void aPersistentDirectoryIsDurableWhileThrowawayDataIsNot(@TempDir Path root) throws Exception {
        try (PostgresServer durable = PostgresServer.start(root.resolve("pgdata"), 0)) {
            String url = durable.jdbcUrl("postgres");
            assertEquals("on", setting(durable, url, "fsync"));
            assertEquals("on", setting(durable, url, "synchronous_commit"));
            assertEquals("on", setting(durable, url, "full_page_writes"));
        }
        try (PostgresServer throwaway = PostgresServer.start(null, 0)) {
            assertEquals("off", setting(throwaway, throwaway.jdbcUrl("postgres"), "fsync"));
        }
    }

    private static String setting(PostgresServer postgres, String url, String name) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static void execute(PostgresServer postgres, String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static boolean tableExists(PostgresServer postgres, String url, String table) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, postgres.username(), postgres.password());
             ResultSet tables = connection.getMetaData().getTables(null, "public", table, null)) {
            return tables.next();
        }
    }
}
