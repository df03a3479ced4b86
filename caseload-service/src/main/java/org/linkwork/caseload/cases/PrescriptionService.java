package org.linkwork.caseload.cases;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linkwork.caseload.events.CaseEvents;
import org.linkwork.platform.problem.ProblemException;

/**
 * Social prescriptions of a case. The directory counts places taken from the events: an activity
 * is "prescribed" when the patient accepts it and "ended" when a place they held is given up.
 */
@ApplicationScoped
public class PrescriptionService {

    private static final Logger LOG = Logger.getLogger(PrescriptionService.class);

    private final EntityManager entityManager;
    private final CaseService cases;
    private final CaseEvents events;

    PrescriptionService(EntityManager entityManager, CaseService cases, CaseEvents events) {
        this.entityManager = entityManager;
        this.cases = cases;
        this.events = events;
    }

    @Transactional
    public SocialPrescription suggest(UUID caseId, String serviceId, String serviceName, String actor) {
        Case c = cases.get(caseId);
        c.requireOpen();
        if (c.status == CaseStatus.WAITING) {
            throw ProblemException.conflict("Case " + caseId + " is on the waiting list: assign it first");
        }
        boolean live = of(caseId).stream().anyMatch(p -> p.serviceId.equals(serviceId) && p.status.isLive());
        if (live) {
            throw ProblemException.conflict("Case " + caseId + " already has a live prescription to service " + serviceId);
        }
        SocialPrescription prescription = SocialPrescription.suggest(c, serviceId, serviceName, actor);
        entityManager.persist(prescription);
        LOG.infof("Service %s suggested on case %s by %s", serviceId, caseId, actor);
        return prescription;
    }

    public List<SocialPrescription> of(UUID caseId) {
        return entityManager.createQuery(
                "FROM SocialPrescription p WHERE p.caseRecord.id = :c ORDER BY p.createdAt, p.id", SocialPrescription.class)
                .setParameter("c", caseId).getResultList();
    }

    @Transactional
    public SocialPrescription move(UUID caseId, UUID prescriptionId, PrescriptionStatus next, String actor) {
        SocialPrescription prescription = entityManager.find(SocialPrescription.class, prescriptionId);
        if (prescription == null || !prescription.caseRecord.id.equals(caseId)) {
            throw ProblemException.notFound("Social prescription " + prescriptionId + " of case " + caseId);
        }
        prescription.caseRecord.requireOpen();
        PrescriptionStatus before = prescription.moveTo(next);
        if (!before.holdsPlace() && next.holdsPlace()) {
            events.activityPrescribed(prescription.caseRecord, prescription);
        } else if (before.holdsPlace() && !next.holdsPlace()) {
            events.activityEnded(prescription.caseRecord, prescription);
        }
        LOG.infof("Social prescription %s on case %s: %s -> %s by %s", prescriptionId, caseId, before, next, actor);
        return prescription;
    }
}
