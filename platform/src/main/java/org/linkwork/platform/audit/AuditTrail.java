package org.linkwork.platform.audit;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.outbox.Outbox;
import org.linkwork.platform.problem.PageLimits;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Records every read or write of patient-identifiable data. Each record is committed on its own
 * (REQUIRES_NEW) so that refused and failed attempts are kept even when the caller's transaction
 * rolls back. The same commit puts it in the outbox as {@code org.linkwork.audit.recorded.v1} on
 * {@code audit-events}, so the suite's consolidated trail (referral-service) receives it at least
 * once even if this service dies right after answering.
 */
@ApplicationScoped
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);

    private final EntityManager entityManager;
    private final SecurityIdentity identity;
    private final Outbox outbox;

    AuditTrail(EntityManager entityManager, SecurityIdentity identity, Outbox outbox) {
        this.entityManager = entityManager;
        this.identity = identity;
        this.outbox = outbox;
    }

    /**
     * @param action       what was done, e.g. {@code referral.read}
     * @param resourceType e.g. {@code Referral}
     * @param resourceId   the record's id, if there is one
     * @param patientId    the patient's identifier (NHS number) so an auditor can answer "who saw my record"
     */
    @Transactional(TxType.REQUIRES_NEW)
    public AuditRecord record(String action, String resourceType, String resourceId, String patientId,
            Outcome outcome) {
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String roles = String.join(",", new TreeSet<>(identity.getRoles()));
        AuditRecord record = new AuditRecord(OffsetDateTime.now(ZoneOffset.UTC), actor, roles, action, resourceType,
                resourceId, patientId, outcome);
        entityManager.persist(record);
        // Keyed by patient so one patient's records stay in order; records without one by actor.
        outbox.publish(AuditRecorded.TOPIC, AuditRecorded.TYPE, patientId != null ? patientId : actor,
                AuditRecorded.of(record));
        // The log line leaves out the patient: logs travel further than the audit table. DEBUG: the record itself is
        // the trail (table and audit-events); at INFO a busy practice would write one line per request.
        LOG.debugf("audit actor=%s roles=%s action=%s %s=%s outcome=%s", actor, roles, action, resourceType,
                resourceId, outcome);
        return record;
    }

    /** Newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditRecord> forPatient(String patientId, int page, int size) {
        return entityManager.createQuery(
                "FROM AuditRecord a WHERE a.patientId = :patient ORDER BY a.occurredAt DESC, a.id DESC", AuditRecord.class)
                .setParameter("patient", patientId)
                .setFirstResult(PageLimits.firstResult("page", page, size))
                .setMaxResults(size)
                .getResultList();
    }

    /** Newest first. */
    @Transactional(TxType.SUPPORTS)
    public List<AuditRecord> byActor(String actor, int page, int size) {
        return entityManager.createQuery(
                "FROM AuditRecord a WHERE a.actor = :actor ORDER BY a.occurredAt DESC, a.id DESC", AuditRecord.class)
                .setParameter("actor", actor)
                .setFirstResult(PageLimits.firstResult("page", page, size))
                .setMaxResults(size)
                .getResultList();
    }
}
