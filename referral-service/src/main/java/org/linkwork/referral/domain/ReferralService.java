package org.linkwork.referral.domain;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.platform.problem.PageLimits;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.events.ReferralEvents;

/** The referral lifecycle: intake with idempotency, triage, cancellation and the case-driven statuses. */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);
    static final String AUTO_TRIAGE = "system:auto-triage";
    /** First key of the advisory lock that serialises intakes for one patient (the second is the NHS number's hash). */
    private static final int PATIENT_LOCK = 7301;

    private final EntityManager entityManager;
    private final ReferralEvents events;
    private final NetworkPractices network;
    private final boolean autoAccept;

    ReferralService(EntityManager entityManager, ReferralEvents events, NetworkPractices network,
            @ConfigProperty(name = "linkwork.triage.auto-accept", defaultValue = "true") boolean autoAccept) {
        this.entityManager = entityManager;
        this.events = events;
        this.network = network;
        this.autoAccept = autoAccept;
    }

    /** A create request: the new referral, and how to recognise a retry of it. */
    public record Intake(Referral referral, String client, String idempotencyKey, String requestHash) {
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key created it */
    public record Outcome(Referral referral, boolean replayed) {
    }

    @Transactional
    public Outcome receive(Intake intake) {
        Referral referral = intake.referral();
        if (intake.idempotencyKey() != null) {
            // Blocks while a concurrent request with the same key is in flight, then sees its row.
            int claimed = entityManager.createNativeQuery("""
                    INSERT INTO referral_idempotency (client, key, request_hash, referral_id)
                    VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                    .setParameter(1, intake.client()).setParameter(2, intake.idempotencyKey())
                    .setParameter(3, intake.requestHash()).setParameter(4, referral.id)
                    .executeUpdate();
            if (claimed == 0) {
                return replay(intake);
            }
        }
        // One intake per patient at a time: a concurrent one waits here and then sees this referral in the
        // check below, instead of losing the race on the one-open-referral index at commit (a 500).
        entityManager.createNativeQuery("SELECT 1 FROM pg_advisory_xact_lock(?1, hashtext(?2))")
                .setParameter(1, PATIENT_LOCK).setParameter(2, referral.patient.nhsNumber).getSingleResult();
        openReferralOf(referral.patient.nhsNumber).ifPresent(open -> {
            throw ProblemException.conflict("Patient already has an open referral " + open.id + " (" + open.status
                    + "); cancel or complete it before referring again");
        });
        entityManager.persist(referral);
        events.received(referral);
        LOG.infof("Referral %s received from %s via %s", referral.id, referral.referrer.odsCode, referral.source);
        if (autoAccept) {
            autoTriage(referral);
        }
        return new Outcome(referral, false);
    }

    /** Consent is mandatory at intake, so the practice decides: in the network, accepted; else a coordinator triages. */
    private void autoTriage(Referral referral) {
        String practice = referral.referrer.odsCode;
        if (network.includes(practice)) {
            StatusChange change = referral.moveTo(ReferralStatus.ACCEPTED, AUTO_TRIAGE,
                    "consent recorded; practice " + practice + " is in the network");
            events.accepted(referral, change);
            LOG.infof("Referral %s accepted by auto-triage", referral.id);
        } else {
            LOG.infof("Referral %s waits for a coordinator: practice %s is not in the network", referral.id, practice);
        }
    }

    private Outcome replay(Intake intake) {
        Object[] original = (Object[]) entityManager.createNativeQuery(
                "SELECT request_hash, referral_id FROM referral_idempotency WHERE client = ?1 AND key = ?2")
                .setParameter(1, intake.client()).setParameter(2, intake.idempotencyKey())
                .getSingleResult();
        if (!intake.requestHash().equals(original[0])) {
            throw ProblemException.unprocessable("Idempotency-Key",
                    "was already used for a different request; use a new key for a new referral");
        }
        Referral existing = entityManager.find(Referral.class, original[1]);
        LOG.infof("Referral %s returned again for a retried Idempotency-Key", existing.id);
        return new Outcome(existing, true);
    }

    public Optional<Referral> openReferralOf(String nhsNumber) {
        return entityManager.createQuery(
                "FROM Referral r WHERE r.patient.nhsNumber = :nhs AND r.status IN :open", Referral.class)
                .setParameter("nhs", nhsNumber).setParameter("open", ReferralStatus.OPEN)
                .getResultStream().findFirst();
    }

    public Optional<Referral> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Referral.class, id));
    }

    public Referral get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    @Transactional
    public Referral accept(UUID id, String actor) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.ACCEPTED, actor, "accepted at triage");
        events.accepted(referral, change);
        LOG.infof("Referral %s accepted by %s", id, actor);
        return referral;
    }

    @Transactional
    public Referral reject(UUID id, String actor, RejectionReason reason, String note) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.REJECTED, actor,
                note == null ? reason.name() : reason.name() + ": " + note);
        events.rejected(referral, change, reason);
        LOG.infof("Referral %s rejected by %s (%s)", id, actor, reason);
        return referral;
    }

    /** From any open status; a referral with a case makes caseload-service close it (reason REFERRAL_CANCELLED). */
    @Transactional
    public Referral cancel(UUID id, String actor, CancellationReason reason, String note) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.CANCELLED, actor,
                note == null ? reason.name() : reason.name() + ": " + note);
        events.cancelled(referral, change, reason);
        LOG.infof("Referral %s cancelled by %s (%s, was %s)", id, actor, reason, change.from);
        return referral;
    }

    /**
     * Mirrors a case status from caseload-service. Runs inside the inbox transaction. A change the
     * lifecycle does not allow (e.g. a late event for a cancelled referral) is logged and ignored:
     * the case service cannot undo a cancellation, and retrying would never succeed.
     */
    public void mirrorCase(UUID referralId, String caseId, String linkWorker, ReferralStatus next, String actor,
            String reason) {
        Referral referral = entityManager.find(Referral.class, referralId);
        if (referral == null) {
            LOG.warnf("Case %s refers to unknown referral %s; ignored", caseId, referralId);
            return;
        }
        if (caseId != null) {
            referral.caseId = caseId;
        }
        if (linkWorker != null) {
            referral.linkWorker = linkWorker;
        }
        if (next == null || referral.status == next) {
            return;
        }
        if (!referral.status.canMoveTo(next)) {
            LOG.warnf("Referral %s is %s; case %s event asking for %s ignored", referralId, referral.status, caseId, next);
            return;
        }
        StatusChange change = referral.moveTo(next, actor, reason);
        events.statusChanged(referral, change);
        LOG.infof("Referral %s is now %s (case %s)", referralId, next, caseId);
    }

    public record Page(List<Referral> items, long total) {
    }

    /**
     * Filters are optional; {@code linkWorker} restricts to the referrals of that worker's cases, {@code pcn} to
     * those from that PCN's practices or from organisations outside the network (a coordinator's scope).
     */
    public Page search(ReferralStatus status, String odsCode, String linkWorker, String pcn, OffsetDateTime from,
            OffsetDateTime to, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object[]> params = new ArrayList<>();
        if (status != null) {
            where.append(" AND r.status = :status");
            params.add(new Object[] { "status", status });
        }
        if (odsCode != null) {
            where.append(" AND r.referrer.odsCode = :ods");
            params.add(new Object[] { "ods", odsCode });
        }
        if (linkWorker != null) {
            where.append(" AND r.linkWorker = :worker");
            params.add(new Object[] { "worker", linkWorker });
        }
        if (pcn != null) {
            where.append(" AND (r.referrer.odsCode IN (SELECT p.odsCode FROM NetworkPractice p WHERE p.pcnCode = :pcn)"
                    + " OR r.referrer.odsCode NOT IN (SELECT p.odsCode FROM NetworkPractice p))");
            params.add(new Object[] { "pcn", pcn });
        }
        if (from != null) {
            where.append(" AND r.receivedAt >= :from");
            params.add(new Object[] { "from", from });
        }
        if (to != null) {
            where.append(" AND r.receivedAt < :to");
            params.add(new Object[] { "to", to });
        }
        TypedQuery<Referral> query = entityManager.createQuery(
                "FROM Referral r" + where + " ORDER BY r.receivedAt DESC, r.id", Referral.class);
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(r) FROM Referral r" + where, Long.class);
        for (Object[] p : params) {
            query.setParameter((String) p[0], p[1]);
            count.setParameter((String) p[0], p[1]);
        }
        List<Referral> items = query.setFirstResult(PageLimits.firstResult("page", page, size)).setMaxResults(size)
                .getResultList();
        return new Page(items, count.getSingleResult());
    }
}
