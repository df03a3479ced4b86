package org.linkwork.platform.demo;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Demo data for dev mode and the local suite, switched on at run time with
 * {@code linkwork.demo-data.enabled=true} (env {@code LINKWORK_DEMO_DATA_ENABLED}); off unless
 * configured, so production never gets it. Flyway's locations are fixed when a Quarkus jar is
 * built, which is why the packaged jars cannot simply add {@code db/demo} to them. The scripts
 * listed in {@code linkwork.demo-data.scripts} run after the migrations, each in one transaction,
 * and must be idempotent ({@code ON CONFLICT DO NOTHING}): they run at every start.
 */
@ApplicationScoped
public class DemoData {

    private static final Logger LOG = Logger.getLogger(DemoData.class);

    private final DataSource dataSource;
    private final boolean enabled;
    private final List<String> scripts;

    DemoData(DataSource dataSource, @ConfigProperty(name = "linkwork.demo-data.enabled", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "linkwork.demo-data.scripts") Optional<List<String>> scripts) {
        this.dataSource = dataSource;
        this.enabled = enabled;
        this.scripts = scripts.orElse(List.of());
    }

    void onStart(@Observes StartupEvent started) {
        if (enabled) {
            load();
        }
    }

    /** Runs every configured script; safe to call again. */
    public void load() {
        for (String script : scripts) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(false);
                try (Statement statement = connection.createStatement()) {
                    statement.execute(read(script));
                    connection.commit();
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                throw new IllegalStateException("Demo data script " + script + " failed: " + e.getMessage(), e);
            }
            LOG.infof("Demo data loaded from %s", script);
        }
    }

    private static String read(String script) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(script)) {
            if (in == null) {
                throw new IllegalStateException("Demo data script " + script + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read demo data script " + script, e);
        }
    }
}
