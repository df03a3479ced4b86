package org.linkwork.referral.referral;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.platform.audit.AuditRecord;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.PageLimits;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.access.ReferralAccess;
import org.linkwork.referral.network.NetworkPracticeRepository;

/** The referral lifecycle: intake with idempotency, triage, cancellation and the case-driven statuses. */
@ApplicationScoped
public class ReferralService {

    private static final Logger LOG = Logger.getLogger(ReferralService.class);
    static final String AUTO_TRIAGE = "system:auto-triage";

    private final ReferralRepository referrals;
    private final NetworkPracticeRepository network;
    private final ReferralAccess access;
    private final AuditTrail audit;
    private final Event<ReferralChange> changes;
    private final boolean autoAccept;

    ReferralService(ReferralRepository referrals, NetworkPracticeRepository network, ReferralAccess access,
            AuditTrail audit, Event<ReferralChange> changes,
            @ConfigProperty(name = "linkwork.triage.auto-accept", defaultValue = "true") boolean autoAccept) {
        this.referrals = referrals;
        this.network = network;
        this.access = access;
        this.audit = audit;
        this.changes = changes;
        this.autoAccept = autoAccept;
    }

    /** A create request: the new referral, and how to recognise a retry of it. */
    public record Intake(Referral referral, String client, String idempotencyKey, String requestHash) {
    }

    /** @param replayed true when an earlier request with the same Idempotency-Key created it */
    public record Outcome(Referral referral, boolean replayed) {
    }

    public record Page(List<Referral> items, long total) {
    }

    /** @param more whether referrals follow the last of these */
    public record Slice(List<Referral> items, long total, boolean more) {
    }

    @Transactional
    public Outcome receive(Intake intake) {
        Referral referral = intake.referral();
        if (intake.idempotencyKey() != null && !referrals.claimIdempotencyKey(intake.client(),
                intake.idempotencyKey(), intake.requestHash(), referral.id)) {
            return replay(intake);
        }
        // One intake per patient at a time: a concurrent one waits here and then sees this referral in the
        // check below, instead of losing the race on the one-open-referral index at commit (a 500).
        referrals.lockPatient(referral.patient.nhsNumber);
        referrals.openReferralOf(referral.patient.nhsNumber).ifPresent(open -> {
            throw ProblemException.conflict("Patient already has an open referral " + open.id + " (" + open.status
                    + "); cancel or complete it before referring again");
        });
        referrals.persist(referral);
        changes.fire(ReferralChange.Received.of(referral));
        LOG.debugf("Referral %s received from %s via %s", referral.id, referral.referrer.odsCode, referral.source);
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
            changes.fire(ReferralChange.Accepted.of(referral, change));
            LOG.debugf("Referral %s accepted by auto-triage", referral.id);
        } else {
            LOG.infof("Referral %s waits for a coordinator: practice %s is not in the network", referral.id, practice);
        }
    }

    private Outcome replay(Intake intake) {
        ReferralRepository.IdempotentRequest original = referrals.idempotentRequest(intake.client(),
                intake.idempotencyKey());
        if (!intake.requestHash().equals(original.requestHash())) {
            throw ProblemException.unprocessable("Idempotency-Key",
                    "was already used for a different request; use a new key for a new referral");
        }
        Referral existing = referrals.findById(original.referralId());
        LOG.infof("Referral %s returned again for a retried Idempotency-Key", existing.id);
        return new Outcome(existing, true);
    }

    public Referral readable(UUID id, String action) {
        return readable(id, action, "Referral " + id);
    }

    /**
     * The referral if it exists and the caller may see it, else 404: saying "forbidden" would confirm that
     * the patient was referred. Reads ({@code *.read} actions) are audited here, other actions by the caller
     * once done.
     *
     * @param what how the caller's protocol names the referral in a 404, e.g. {@code ServiceRequest/<id>}
     */
    public Referral readable(UUID id, String action, String what) {
        Referral referral = referrals.findByIdOptional(id).orElse(null);
        if (referral == null) {
            audit.record(action, "Referral", id.toString(), null, AuditRecord.Outcome.NOT_FOUND);
            throw ProblemException.notFound(what);
        }
        if (!access.mayRead(referral.referrer.odsCode, referral.linkWorker)) {
            audited(action, referral, AuditRecord.Outcome.DENIED);
            throw ProblemException.notFound("Referral " + referral.id);
        }
        if (action.endsWith(".read")) {
            audited(action, referral);
        }
        return referral;
    }

    public void audited(String action, Referral referral) {
        audited(action, referral, AuditRecord.Outcome.SUCCESS);
    }

    private void audited(String action, Referral referral, AuditRecord.Outcome outcome) {
        audit.record(action, "Referral", referral.id.toString(), referral.patient.nhsNumber, outcome);
    }

    private Referral get(UUID id) {
        return referrals.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Referral " + id));
    }

    @Transactional
    public Referral accept(UUID id, String actor) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.ACCEPTED, actor, "accepted at triage");
        changes.fire(ReferralChange.Accepted.of(referral, change));
        LOG.infof("Referral %s accepted by %s", id, actor);
        return referral;
    }

    @Transactional
    public Referral reject(UUID id, String actor, RejectionReason reason, String note) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.REJECTED, actor,
                note == null ? reason.name() : reason.name() + ": " + note);
        changes.fire(new ReferralChange.Rejected(id, referral.referrer.odsCode, reason, change.at));
        LOG.infof("Referral %s rejected by %s (%s)", id, actor, reason);
        return referral;
    }

    /** From any open status; a referral with a case makes caseload-service close it (reason REFERRAL_CANCELLED). */
    @Transactional
    public Referral cancel(UUID id, String actor, CancellationReason reason, String note) {
        Referral referral = get(id);
        StatusChange change = referral.moveTo(ReferralStatus.CANCELLED, actor,
                note == null ? reason.name() : reason.name() + ": " + note);
        changes.fire(new ReferralChange.Cancelled(id, referral.referrer.odsCode, change.from, reason, change.at));
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
        Referral referral = referrals.findById(referralId);
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
        changes.fire(ReferralChange.StatusChanged.of(referral, change));
        LOG.debugf("Referral %s is now %s (case %s)", referralId, next, caseId);
    }

    /**
     * One page of the referrals matching the search within the caller's scope (the rules of the JSON list below),
     * newest first, each audited; the total counts every match, not only those after the search's position.
     */
    public Slice search(ReferralSearch search, int count, String action) {
        String practice = access.practice();
        if (practice != null && search.odsCode() != null && !search.odsCode().equals(practice)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "A GP lists only their own practice's referrals"));
        }
        ReferralSearch scoped = practice == null ? search : search.forPractice(practice);
        String linkWorker = access.isOnlyLinkWorker() ? access.actor() : null;
        String pcn = access.coordinatorScope();
        // One more than asked for tells whether a next page exists without counting what is left.
        List<Referral> found = referrals.searchAfter(scoped, linkWorker, pcn).range(0, count).list();
        List<Referral> items = found.subList(0, Math.min(count, found.size()));
        items.forEach(r -> audited(action, r));
        return new Slice(items, referrals.search(scoped, linkWorker, pcn).count(), found.size() > count);
    }

    /**
     * The caller's referrals, newest first, audited. A GP sees only their practice's, a link worker those of
     * their cases, a coordinator those of their PCN's practices and of organisations outside the network;
     * the filters (all optional) narrow that scope, never widen it.
     */
    public Page search(ReferralStatus status, String odsCode, OffsetDateTime from, OffsetDateTime to, int page,
            int size) {
        String practice = access.practice();
        if (practice != null && odsCode != null && !odsCode.equals(practice)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "A GP lists only their own practice's referrals"));
        }
        String linkWorker = access.isOnlyLinkWorker() ? access.actor() : null;
        var query = referrals.search(status, practice != null ? practice : odsCode, linkWorker,
                access.coordinatorScope(), from, to);
        int first = PageLimits.firstResult("page", page, size);
        List<Referral> items = query.range(first, first + size - 1).list();
        items.forEach(r -> audited("referral.list", r));
        return new Page(items, query.count());
    }
}
