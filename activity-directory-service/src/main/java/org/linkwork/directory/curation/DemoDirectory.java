package org.linkwork.directory.curation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.StartupEvent;

/**
 * The Leeds demo directory ({@value #RESOURCE}, an ORUK export), loaded at start through the directory's own
 * ORUK import when {@code linkwork.demo-data.enabled} is true (env {@code LINKWORK_DEMO_DATA_ENABLED}): in dev
 * mode and the local suite, never in production. Only services not stored yet are imported, so loading it at
 * every start keeps places taken and curators' edits.
 */
@ApplicationScoped
public class DemoDirectory {

    static final String RESOURCE = "demo/leeds-directory.json";
    private static final Logger LOG = Logger.getLogger(DemoDirectory.class);

    private final OrukImport orukImport;
    private final ObjectMapper json;
    private final boolean enabled;

    DemoDirectory(OrukImport orukImport, ObjectMapper json,
            @ConfigProperty(name = "linkwork.demo-data.enabled", defaultValue = "false") boolean enabled) {
        this.orukImport = orukImport;
        this.json = json;
        this.enabled = enabled;
    }

    void onStart(@Observes StartupEvent started) {
        if (enabled) {
            ImportView loaded = load();
            LOG.infof("Demo directory %s: %d services, %d new", RESOURCE, loaded.services(), loaded.created());
        }
    }

    public ImportView load() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Demo directory " + RESOURCE + " is not on the classpath");
            }
            return orukImport.seed(json.readValue(in, ImportRequest.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
