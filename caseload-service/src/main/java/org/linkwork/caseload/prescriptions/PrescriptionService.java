package org.linkwork.caseload.prescriptions;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.CaseClosed;
import org.linkwork.caseload.cases.CaseEvent;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.caseload.cases.CaseStatus;
import org.linkwork.caseload.directory.Directory;
import org.linkwork.caseload.directory.DirectoryException;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Social prescriptions of a case. The directory counts places taken from the events: an activity
 * is "prescribed" when the patient accepts it and "ended" when a place they held is given up.
 * {@code activity-prescribed} is published as v1 and, with the kinds of activity, as v2.
 */
@ApplicationScoped
public class PrescriptionService {

    private static final Logger LOG = Logger.getLogger(PrescriptionService.class);

    private final SocialPrescriptionRepository prescriptions;
    private final CaseService cases;
    private final CaseAccess access;
    private final Event<CaseEvent> events;
    private final Directory directory;

    PrescriptionService(SocialPrescriptionRepository prescriptions, CaseService cases, CaseAccess access,
            Event<CaseEvent> events, Directory directory) {
        this.prescriptions = prescriptions;
        this.cases = cases;
        this.access = access;
        this.events = events;
        this.directory = directory;
    }

    /**
     * Asks the directory for the service's kinds of activity first, outside the transaction, so that a slow
     * directory holds no database connection. A directory that does not know the service or cannot be reached
     * does not stop the suggestion: it is stored with no kinds.
     */
    public SocialPrescription suggest(UUID caseId, String serviceId, String serviceName) {
        List<String> taxonomyTerms = taxonomyTermsOf(caseId, serviceId);
        return QuarkusTransaction.joiningExisting().call(() -> {
            Case c = cases.get(caseId);
            c.requireOpen();
            if (c.status == CaseStatus.WAITING) {
                throw ProblemException.conflict("Case " + caseId + " is on the waiting list: assign it first");
            }
            if (liveServiceIds(caseId).contains(serviceId)) {
                throw ProblemException.conflict("Case " + caseId + " already has a live prescription to service " + serviceId);
            }
            SocialPrescription prescription = SocialPrescription.suggest(c, serviceId, serviceName, taxonomyTerms,
                    access.actor());
            prescriptions.persist(prescription);
            LOG.infof("Service %s suggested on case %s by %s", serviceId, caseId, prescription.createdBy);
            return prescription;
        });
    }

    private List<String> taxonomyTermsOf(UUID caseId, String serviceId) {
        try {
            return directory.taxonomyTermCodes(serviceId);
        } catch (DirectoryException.Refused e) {
            LOG.warnf("Service %s suggested on case %s without its kinds of activity: the directory %s", serviceId,
                    caseId, e.status() == 404 ? "does not know it" : "refused the request with " + e.status());
            return List.of();
        } catch (RuntimeException e) {
            // Timeout, connection refused or reset, 5xx, token endpoint down, open circuit breaker.
            LOG.warnf("Service %s suggested on case %s without its kinds of activity: the directory is not available (%s)",
                    serviceId, caseId, e.toString());
            return List.of();
        }
    }

    public List<SocialPrescription> of(UUID caseId) {
        return prescriptions.ofCase(caseId);
    }

    /** The directory services the case has a SUGGESTED, ACCEPTED or ATTENDING prescription to. */
    public Set<String> liveServiceIds(UUID caseId) {
        return of(caseId).stream().filter(p -> p.status.isLive()).map(p -> p.serviceId).collect(Collectors.toSet());
    }

    @Transactional
    public SocialPrescription move(UUID caseId, UUID prescriptionId, PrescriptionStatus next) {
        SocialPrescription prescription = prescriptions.findByIdOptional(prescriptionId)
                .filter(p -> p.caseRecord.id.equals(caseId))
                .orElseThrow(() -> ProblemException.notFound("Social prescription " + prescriptionId + " of case " + caseId));
        prescription.caseRecord.requireOpen();
        PrescriptionStatus before = prescription.moveTo(next);
        if (!before.holdsPlace() && next.holdsPlace()) {
            events.fire(ActivityPrescribed.of(prescription));
            events.fire(ActivityPrescribedV2.of(prescription));
        } else if (before.holdsPlace() && !next.holdsPlace()) {
            events.fire(ActivityEnded.of(prescription));
        }
        LOG.infof("Social prescription %s on case %s: %s -> %s by %s", prescriptionId, caseId, before, next,
                access.actor());
        return prescription;
    }

    /**
     * A closed case can no longer move its prescriptions, so a place they held in the directory would stay taken
     * for good: SUGGESTED becomes DECLINED (it never took a place); ACCEPTED and ATTENDING become STOPPED and free
     * theirs. Runs before the case's own closed event is written, so activity-ended comes first on the topic.
     */
    void endWithCase(@Observes @Priority(Interceptor.Priority.APPLICATION) CaseClosed closed) {
        for (SocialPrescription prescription : of(closed.caseId())) {
            if (!prescription.status.isLive()) {
                continue;
            }
            PrescriptionStatus before = prescription.moveTo(prescription.status == PrescriptionStatus.SUGGESTED
                    ? PrescriptionStatus.DECLINED : PrescriptionStatus.STOPPED);
            if (before.holdsPlace()) {
                events.fire(ActivityEnded.of(prescription));
            }
            LOG.infof("Social prescription %s on case %s ended with the case: %s -> %s", prescription.id,
                    closed.caseId(), before, prescription.status);
        }
    }
}
