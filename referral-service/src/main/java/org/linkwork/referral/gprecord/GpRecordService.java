package org.linkwork.referral.gprecord;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;
import org.linkwork.platform.audit.AuditRecord;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.access.ReferralAccess;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralChange;
import org.linkwork.referral.referral.ReferralRepository;
import org.linkwork.referral.referral.ReferralSearch;
import org.linkwork.referral.referral.ReferralStatus;

/**
 * The coded updates for the referring practice's record: one per concept per referral (one per social prescription),
 * written in the transaction of the change that caused it, so an update exists exactly when its change does.
 */
@ApplicationScoped
public class GpRecordService {

    private static final Logger LOG = Logger.getLogger(GpRecordService.class);

    private final GpRecordUpdateRepository updates;
    private final ReferralRepository referrals;
    private final ReferralAccess access;
    private final AuditTrail audit;
    private final Event<GpRecordUpdateRecorded> recorded;

    GpRecordService(GpRecordUpdateRepository updates, ReferralRepository referrals, ReferralAccess access,
            AuditTrail audit, Event<GpRecordUpdateRecorded> recorded) {
        this.updates = updates;
        this.referrals = referrals;
        this.access = access;
        this.audit = audit;
        this.recorded = recorded;
    }

    /** @param more whether updates follow the last of these */
    public record Slice(List<GpRecordUpdate> items, long total, boolean more) {
    }

    void on(@Observes ReferralChange change) {
        if (change instanceof ReferralChange.Received received) {
            record(change.referralId(), GpRecordConcept.REFERRED, "", null, received.receivedAt());
        } else if (change instanceof ReferralChange.Accepted accepted) {
            record(change.referralId(), GpRecordConcept.ACCEPTED, "", null, accepted.acceptedAt());
        } else if (change instanceof ReferralChange.Rejected rejected) {
            record(change.referralId(), GpRecordConcept.REJECTED, "", rejected.reason().name(), rejected.rejectedAt());
        } else if (change instanceof ReferralChange.Cancelled cancelled) {
            record(change.referralId(), GpRecordConcept.CANCELLED, "", cancelled.reason().name(), cancelled.cancelledAt());
        } else if (change instanceof ReferralChange.StatusChanged status) {
            GpRecordConcept concept = concept(status.to());
            if (concept != null) {
                record(change.referralId(), concept, "", null, status.changedAt());
            }
        }
    }

    /** Assignment to a link worker is the service's own business; the practice hears of the first contact. */
    private static GpRecordConcept concept(ReferralStatus status) {
        return switch (status) {
            case IN_PROGRESS -> GpRecordConcept.FIRST_CONTACT;
            case COMPLETED -> GpRecordConcept.COMPLETED;
            case PATIENT_DECLINED -> GpRecordConcept.PATIENT_DECLINED;
            case UNABLE_TO_CONTACT -> GpRecordConcept.UNABLE_TO_CONTACT;
            default -> null;
        };
    }

    /** A social prescription given by the referral's link worker (caseload-service's activity-prescribed). */
    public void prescribed(UUID referralId, UUID prescriptionId, OffsetDateTime at) {
        record(referralId, GpRecordConcept.SOCIAL_PRESCRIPTION_GIVEN, prescriptionId.toString(), null, at);
    }

    private void record(UUID referralId, GpRecordConcept concept, String subjectKey, String reason, OffsetDateTime at) {
        Referral referral = referrals.findById(referralId);
        if (referral == null) {
            LOG.warnf("No referral %s for a GP record update (%s); ignored", referralId, concept);
            return;
        }
        if (updates.exists(referralId, concept, subjectKey)) {
            return;
        }
        GpRecordUpdate update = new GpRecordUpdate();
        update.id = UUID.randomUUID();
        update.referralId = referralId;
        update.odsCode = referral.referrer.odsCode;
        update.nhsNumber = referral.patient.nhsNumber;
        update.concept = concept;
        update.subjectKey = subjectKey;
        update.codeSystem = concept.system;
        update.code = concept.code;
        update.display = concept.display;
        update.reason = reason;
        update.occurredAt = at;
        // Milliseconds, as FHIR's meta.lastUpdated shows it: a GP system asking for _lastUpdated=gt<the last one it
        // saw> then gets exactly what is newer.
        update.recordedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        updates.persist(update);
        recorded.fire(GpRecordUpdateRecorded.of(update));
    }

    /** The update if the caller may see its referral's practice (as for the referral itself), else 404; audited. */
    public GpRecordUpdate readable(UUID id) {
        GpRecordUpdate update = updates.findByIdOptional(id).orElse(null);
        if (update == null || !access.mayRead(update.odsCode, null)) {
            audit.record("gp-record.fhir.observation.read", "GpRecordUpdate", id.toString(),
                    update == null ? null : update.nhsNumber,
                    update == null ? AuditRecord.Outcome.NOT_FOUND : AuditRecord.Outcome.DENIED);
            throw ProblemException.notFound("Observation/" + id);
        }
        audited("gp-record.fhir.observation.read", update);
        return update;
    }

    /**
     * One page of the updates matching the search in the caller's scope, newest first, each audited: a GP system its
     * practice's, a coordinator their PCN's practices' and those of organisations outside the network.
     */
    public Slice search(ReferralSearch search, int count) {
        String practice = access.practice();
        String pcn = access.coordinatorScope();
        List<GpRecordUpdate> found = updates.search(search, practice, pcn, true).range(0, count).list();
        List<GpRecordUpdate> items = found.subList(0, Math.min(count, found.size()));
        items.forEach(u -> audited("gp-record.fhir.observation.search", u));
        return new Slice(items, updates.search(search, practice, pcn, false).count(), found.size() > count);
    }

    private void audited(String action, GpRecordUpdate update) {
        audit.record(action, "GpRecordUpdate", update.id.toString(), update.nhsNumber, AuditRecord.Outcome.SUCCESS);
    }
}
