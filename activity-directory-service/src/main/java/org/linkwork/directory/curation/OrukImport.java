package org.linkwork.directory.curation;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.linkwork.directory.services.Service;
import org.linkwork.directory.services.ServiceChanged;
import org.linkwork.directory.services.ServiceRepository;
import org.linkwork.directory.services.ServiceView;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

/**
 * Loads an ORUK / HSDS 3 export (fully nested services, the records the read API writes) through the
 * {@link OrukAssembler}, so an existing council or VCSE directory can be brought in. Importing the same export
 * again changes nothing, not even versions, and announces nothing. Services it creates or changes are
 * announced on {@code directory-events} in the import's transaction, as a curator's edits are. Places taken
 * are live data and never imported, except into new services of a demo directory ({@link #seed}).
 */
@ApplicationScoped
public class OrukImport {

    private enum Outcome { CREATED, UPDATED, UNCHANGED }

    private final OrukAssembler assembler;
    private final ServiceRepository services;
    private final Event<ServiceChanged> changed;

    OrukImport(OrukAssembler assembler, ServiceRepository services, Event<ServiceChanged> changed) {
        this.assembler = assembler;
        this.services = services;
        this.changed = changed;
    }

    @Transactional
    public ImportView load(ImportRequest export) {
        return load(export, false);
    }

    /**
     * Imports only the services of an export that are not stored yet, with their places taken (part of a
     * demo directory's picture), and leaves stored ones alone: run at every start, it keeps places taken
     * since and curators' edits.
     */
    @Transactional
    // The whole demo directory in one transaction: on a machine starting many replicas at once it outlasts the
    // default 60 s timeout (measured in compose), and a seed cut short would leave the directory to the next start.
    @TransactionConfiguration(timeout = 600)
    public ImportView seed(ImportRequest export) {
        services.awaitOtherSeeding();
        return load(export, true);
    }

    private ImportView load(ImportRequest export, boolean onlyNew) {
        List<ServiceView> records = export.services();
        if (records == null) {
            throw ProblemException.badRequest("body", "must be an array of services or an ORUK page with contents");
        }
        Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);
        for (int i = 0; i < records.size(); i++) {
            String field = export.field() + "[" + i + "]";
            Service stored = assembler.stored(records.get(i), field);
            outcomes.merge(onlyNew && stored != null ? Outcome.UNCHANGED : service(stored, records.get(i), field, onlyNew), 1,
                    Integer::sum);
        }
        return new ImportView(records.size(), outcomes.getOrDefault(Outcome.CREATED, 0), outcomes.getOrDefault(Outcome.UPDATED, 0),
                outcomes.getOrDefault(Outcome.UNCHANGED, 0));
    }

    /**
     * Imports one service and announces it like a curator's edit: published when new, updated (or
     * withdrawn when it became inactive) when anything a reader sees changed, nothing when identical.
     */
    private Outcome service(Service stored, ServiceView record, String field, boolean withPlacesTaken) {
        if (stored == null) {
            Service created = assembler.service(null, record, field, withPlacesTaken);
            services.flush();
            changed.fire(ServiceChanged.of(ServiceChanged.PUBLISHED, created));
            return Outcome.CREATED;
        }
        ServiceView before = ServiceView.of(stored, null, true);
        String statusBefore = stored.status;
        long versionBefore = stored.version;
        assembler.service(stored, record, field, false);
        services.flush();
        if (before.equals(ServiceView.of(stored, null, true))) {
            return Outcome.UNCHANGED;
        }
        if (stored.version == versionBefore) {
            // Only child rows changed, which Hibernate's dirty check on the service does not see.
            services.forceNewVersion(stored);
        }
        boolean withdrawn = "inactive".equals(stored.status) && !"inactive".equals(statusBefore);
        changed.fire(ServiceChanged.of(withdrawn ? ServiceChanged.WITHDRAWN : ServiceChanged.UPDATED, stored));
        return Outcome.UPDATED;
    }
}
