package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linkwork.caseload.events.CaseEvents;
import org.linkwork.caseload.network.AssignmentPolicy;
import org.linkwork.caseload.network.LinkWorker;
import org.linkwork.caseload.network.Network;
import org.linkwork.platform.problem.ProblemException;

/** Opening cases from accepted referrals, assignment and the waiting list, contacts, plans and closure. */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);

    private final EntityManager entityManager;
    private final Network network;
    private final CaseEvents events;

    CaseService(EntityManager entityManager, Network network, CaseEvents events) {
        this.entityManager = entityManager;
        this.network = network;
        this.events = events;
    }

    /** Runs in the inbox transaction of a {@code referral.accepted} event. */
    public Case openFromReferral(Case opened) {
        Optional<Case> existing = entityManager.createQuery("FROM Case c WHERE c.referralId = :r", Case.class)
                .setParameter("r", opened.referralId).getResultStream().findFirst();
        if (existing.isPresent()) {
            LOG.infof("Referral %s already has case %s", opened.referralId, existing.get().id);
            return existing.get();
        }
        entityManager.persist(opened);
        if (opened.pcnCode == null) {
            LOG.warnf("Case %s: practice %s is not in the network; waiting for a coordinator", opened.id, opened.odsCode);
            events.waitingListed(opened);
            return opened;
        }
        List<AssignmentPolicy.Candidate> candidates = network.candidates(opened.pcnCode, true);
        Optional<AssignmentPolicy.Candidate> chosen = AssignmentPolicy.choose(candidates,
                opened.patient.interpreterLanguage);
        if (chosen.isPresent()) {
            assign(opened, chosen.get().worker());
        } else {
            LOG.infof("Case %s for referral %s waits: no free link worker in PCN %s", opened.id, opened.referralId,
                    opened.pcnCode);
            events.waitingListed(opened);
        }
        return opened;
    }

    public Optional<Case> find(UUID id) {
        return Optional.ofNullable(entityManager.find(Case.class, id));
    }

    public Case get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    /** The PCN's waiting list: priority referrals first, then the longest waiting. */
    public List<Case> waitingList(String pcnCode) {
        return entityManager.createQuery("""
                FROM Case c WHERE c.pcnCode = :pcn AND c.status = org.linkwork.caseload.cases.CaseStatus.WAITING
                ORDER BY CASE WHEN c.urgency = org.linkwork.caseload.cases.Urgency.PRIORITY THEN 0 ELSE 1 END,
                         c.referralReceivedAt, c.id""", Case.class)
                .setParameter("pcn", pcnCode).getResultList();
    }

    /** A coordinator's decision: any active worker of the case's PCN, even one at their cap. */
    @Transactional
    public Case assignByHand(UUID caseId, UUID workerId, String actor) {
        Case c = get(caseId);
        LinkWorker worker = network.worker(workerId)
                .orElseThrow(() -> ProblemException.unprocessable("linkWorkerId", "no such link worker"));
        if (!worker.active || !worker.pcnCode.equals(c.pcnCode)) {
            throw ProblemException.unprocessable("linkWorkerId",
                    "must be an active link worker of PCN " + c.pcnCode);
        }
        assign(c, worker);
        LOG.infof("Case %s assigned by %s to %s", caseId, actor, worker.username);
        return c;
    }

    /**
     * Gives waiting cases to workers of the PCN with free places, most urgent and longest waiting
     * first, until either runs out. Called when a place frees up: a case closes, a worker joins,
     * returns or takes on more hours.
     */
    @Transactional
    public int pullFromWaitingList(String pcnCode) {
        List<AssignmentPolicy.Candidate> candidates = network.candidates(pcnCode, true);
        int assigned = 0;
        for (Case waiting : waitingList(pcnCode)) {
            Optional<AssignmentPolicy.Candidate> chosen = AssignmentPolicy.choose(candidates,
                    waiting.patient.interpreterLanguage);
            if (chosen.isEmpty()) {
                break;
            }
            assign(waiting, chosen.get().worker());
            assigned++;
            candidates = candidates.stream().map(c -> c == chosen.get()
                    ? new AssignmentPolicy.Candidate(c.worker(), c.cap(), c.openCases() + 1) : c).toList();
        }
        if (assigned > 0) {
            LOG.infof("%d case(s) taken from the waiting list of PCN %s", assigned, pcnCode);
        }
        return assigned;
    }

    @Transactional
    public Contact recordContact(UUID caseId, Contact contact, String actor) {
        Case c = get(caseId);
        boolean nowActive = c.recordContact(contact.attended);
        contact.id = UUID.randomUUID();
        contact.caseRecord = c;
        contact.recordedBy = actor;
        contact.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        entityManager.persist(contact);
        events.contactRecorded(c, contact);
        LOG.infof("Contact %s recorded on case %s (%s, attended=%s)%s", contact.id, caseId, contact.mode,
                contact.attended, nowActive ? "; case is now ACTIVE" : "");
        return contact;
    }

    public List<Contact> contacts(UUID caseId) {
        return entityManager.createQuery("FROM Contact c WHERE c.caseRecord.id = :id ORDER BY c.at", Contact.class)
                .setParameter("id", caseId).getResultList();
    }

    public Optional<CarePlan> plan(UUID caseId) {
        return Optional.ofNullable(entityManager.find(CarePlan.class, caseId));
    }

    @Transactional
    public CarePlan savePlan(UUID caseId, CarePlan changes, String actor) {
        Case c = get(caseId);
        c.requireOpen();
        CarePlan plan = plan(caseId).orElseGet(() -> {
            CarePlan created = new CarePlan();
            created.caseId = caseId;
            return created;
        });
        plan.whatMattersToMe = changes.whatMattersToMe;
        plan.goals.clear();
        plan.goals.addAll(changes.goals);
        plan.agreedActions = changes.agreedActions;
        plan.reviewDate = changes.reviewDate;
        plan.updatedBy = actor;
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
        if (!entityManager.contains(plan)) {
            entityManager.persist(plan);
        }
        LOG.infof("Care plan of case %s saved by %s", caseId, actor);
        return plan;
    }

    /** A link worker's or coordinator's closure; REFERRAL_CANCELLED comes only from the referral's cancellation. */
    @Transactional
    public Case close(UUID caseId, ClosureReason reason, String actor) {
        if (reason == ClosureReason.REFERRAL_CANCELLED) {
            throw ProblemException.unprocessable("reason",
                    "REFERRAL_CANCELLED is set when the referral is cancelled; cancel the referral instead");
        }
        return close(get(caseId), reason, actor);
    }

    /**
     * Runs in the inbox transaction of a {@code referral.cancelled} event: the referral's open case closes, on
     * the waiting list or with a link worker. A referral without a case (cancelled before acceptance) or whose
     * case is already closed needs nothing.
     */
    public void closeForCancelledReferral(UUID referralId) {
        Optional<Case> found = entityManager.createQuery("FROM Case c WHERE c.referralId = :r", Case.class)
                .setParameter("r", referralId).getResultStream().findFirst();
        if (found.isEmpty() || !found.get().status.isOpen()) {
            LOG.infof("Referral %s cancelled; it has no open case", referralId);
            return;
        }
        close(found.get(), ClosureReason.REFERRAL_CANCELLED, "referral-service");
    }

    /**
     * Closing ends every live social prescription: a closed case can no longer move them, so a place they held
     * in the directory would otherwise stay taken for good. Then the worker's freed place goes to the waiting list.
     */
    private Case close(Case c, ClosureReason reason, String actor) {
        c.close(reason);
        for (SocialPrescription prescription : entityManager.createQuery(
                "FROM SocialPrescription p WHERE p.caseRecord.id = :c ORDER BY p.createdAt, p.id", SocialPrescription.class)
                .setParameter("c", c.id).getResultList()) {
            endWithCase(c, prescription);
        }
        events.closed(c);
        LOG.infof("Case %s closed by %s (%s)", c.id, actor, reason);
        if (c.pcnCode != null && c.linkWorker != null) {
            entityManager.flush();
            pullFromWaitingList(c.pcnCode);
        }
        return c;
    }

    /** SUGGESTED becomes DECLINED (it never took a place); ACCEPTED and ATTENDING become STOPPED and free theirs. */
    private void endWithCase(Case c, SocialPrescription prescription) {
        if (!prescription.status.isLive()) {
            return;
        }
        PrescriptionStatus before = prescription.moveTo(
                prescription.status == PrescriptionStatus.SUGGESTED ? PrescriptionStatus.DECLINED : PrescriptionStatus.STOPPED);
        if (before.holdsPlace()) {
            events.activityEnded(c, prescription);
        }
        LOG.infof("Social prescription %s on case %s ended with the case: %s -> %s", prescription.id, c.id, before,
                prescription.status);
    }

    public List<Case> casesOf(UUID workerId, CaseStatus status) {
        return byStatus("c.linkWorker.id = :owner", workerId, status, "c.assignedAt");
    }

    public List<Case> casesOfPcn(String pcnCode, CaseStatus status) {
        return byStatus("c.pcnCode = :owner", pcnCode, status, "c.openedAt");
    }

    private List<Case> byStatus(String ownerClause, Object owner, CaseStatus status, String order) {
        var query = entityManager.createQuery("FROM Case c WHERE " + ownerClause
                + (status == null ? "" : " AND c.status = :status") + " ORDER BY " + order + ", c.id", Case.class)
                .setParameter("owner", owner);
        if (status != null) {
            query.setParameter("status", status);
        }
        return query.getResultList();
    }

    /** When the patient was last seen or spoken to; the assignment date when never. */
    public OffsetDateTime lastContactOrAssignment(Case c) {
        OffsetDateTime last = entityManager.createQuery(
                "SELECT max(x.at) FROM Contact x WHERE x.caseRecord.id = :id", OffsetDateTime.class)
                .setParameter("id", c.id).getSingleResult();
        return last != null ? last : c.assignedAt;
    }

    private void assign(Case c, LinkWorker worker) {
        c.assignTo(worker);
        events.assigned(c);
        LOG.infof("Case %s for referral %s assigned to %s", c.id, c.referralId, worker.username);
    }
}
