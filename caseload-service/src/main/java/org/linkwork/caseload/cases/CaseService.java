package org.linkwork.caseload.cases;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.caseload.cases.CaseloadView.Due;
import org.linkwork.caseload.linkworkers.AssignmentPolicy;
import org.linkwork.caseload.linkworkers.LinkWorker;
import org.linkwork.caseload.linkworkers.LinkWorkerService;
import org.linkwork.caseload.linkworkers.LinkWorkerView;
import org.linkwork.caseload.linkworkers.PlacesFreed;
import org.linkwork.platform.problem.ProblemException;

/**
 * Opening cases from accepted referrals, assignment and the waiting list, contacts, plans and closure. Every
 * change fires its domain event ({@link CaseAssigned}, ...) in the changing transaction.
 */
@ApplicationScoped
public class CaseService {

    private static final Logger LOG = Logger.getLogger(CaseService.class);
    /** A case with no contact for this long is overdue a contact. */
    static final int CONTACT_DUE_DAYS = 14;
    /** Plan reviews this close are shown as due. */
    static final int REVIEW_NOTICE_DAYS = 7;

    private final CaseRepository cases;
    private final ContactRepository contacts;
    private final CarePlanRepository plans;
    private final LinkWorkerService workers;
    private final CaseAccess access;
    private final Event<CaseEvent> events;

    CaseService(CaseRepository cases, ContactRepository contacts, CarePlanRepository plans, LinkWorkerService workers,
            CaseAccess access, Event<CaseEvent> events) {
        this.cases = cases;
        this.contacts = contacts;
        this.plans = plans;
        this.workers = workers;
        this.access = access;
        this.events = events;
    }

    /** Runs in the inbox transaction of a {@code referral.accepted} event. */
    public Case openFromReferral(Case opened) {
        Optional<Case> existing = cases.findByReferral(opened.referralId);
        if (existing.isPresent()) {
            LOG.infof("Referral %s already has case %s", opened.referralId, existing.get().id);
            return existing.get();
        }
        opened.pcnCode = workers.pcnOfPractice(opened.odsCode).orElse(null);
        cases.persist(opened);
        if (opened.pcnCode == null) {
            LOG.warnf("Case %s: practice %s is not in the network; waiting for a coordinator", opened.id, opened.odsCode);
        } else {
            Optional<AssignmentPolicy.Candidate> chosen = AssignmentPolicy.choose(
                    workers.candidates(opened.pcnCode, true), opened.patient.interpreterLanguage());
            if (chosen.isPresent()) {
                assign(opened, chosen.get().worker());
                return opened;
            }
            LOG.infof("Case %s for referral %s waits: no free link worker in PCN %s", opened.id, opened.referralId,
                    opened.pcnCode);
        }
        events.fire(CaseWaitingListed.of(opened));
        return opened;
    }

    public Case get(UUID id) {
        return cases.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Case " + id));
    }

    /** The case, if the caller may see it; the action is audited either way (see {@link CaseAccess}). */
    public Case visible(UUID id, String action) {
        Case c = get(id);
        check(c, action);
        return c;
    }

    private void check(Case c, String action) {
        String worker = c.linkWorker == null ? null : c.linkWorker.username;
        access.check(action, c.id, c.patient.nhsNumber(), c.pcnCode, worker);
    }

    /** A link worker's own cases, a coordinator's PCN's; optionally of one status. */
    public List<Case> visibleCases(CaseStatus status) {
        List<Case> found = access.isCoordinator() ? cases.ofPcn(access.coordinatorPcn(), status)
                : workers.workerByUsername(access.actor()).map(w -> cases.ofWorker(w.id, status)).orElse(List.of());
        found.forEach(c -> check(c, "case.list"));
        return found;
    }

    /** A PCN's waiting list (by default the coordinator's own): priority referrals first, then the longest waiting. */
    public List<Case> waitingList(String pcnCode) {
        String pcn = pcnCode != null ? pcnCode : access.coordinatorPcn();
        access.checkCoordinates(pcn);
        List<Case> waiting = cases.waitingList(pcn);
        waiting.forEach(c -> check(c, "case.waiting-list"));
        return waiting;
    }

    /** A coordinator's decision: any active worker of the case's PCN, even one at their cap. */
    @Transactional
    public Case assignByHand(UUID caseId, UUID workerId) {
        Case c = get(caseId);
        LinkWorker worker = workers.worker(workerId)
                .orElseThrow(() -> ProblemException.unprocessable("linkWorkerId", "no such link worker"));
        if (!worker.active || !worker.pcnCode.equals(c.pcnCode)) {
            throw ProblemException.unprocessable("linkWorkerId", "must be an active link worker of PCN " + c.pcnCode);
        }
        assign(c, worker);
        LOG.infof("Case %s assigned by %s to %s", caseId, access.actor(), worker.username);
        return c;
    }

    void placesFreed(@Observes PlacesFreed freed) {
        pullFromWaitingList(freed.pcnCode());
    }

    /**
     * Gives waiting cases to workers of the PCN with free places, most urgent and longest waiting
     * first, until either runs out. Called when a place frees up: a case closes, a worker joins,
     * returns or takes on more hours.
     */
    @Transactional
    public int pullFromWaitingList(String pcnCode) {
        List<AssignmentPolicy.Candidate> candidates = workers.candidates(pcnCode, true);
        int assignedCount = 0;
        for (Case waiting : cases.waitingList(pcnCode)) {
            Optional<AssignmentPolicy.Candidate> chosen = AssignmentPolicy.choose(candidates,
                    waiting.patient.interpreterLanguage());
            if (chosen.isEmpty()) {
                break;
            }
            assign(waiting, chosen.get().worker());
            assignedCount++;
            candidates = candidates.stream().map(c -> c == chosen.get()
                    ? new AssignmentPolicy.Candidate(c.worker(), c.cap(), c.openCases() + 1) : c).toList();
        }
        if (assignedCount > 0) {
            LOG.infof("%d case(s) taken from the waiting list of PCN %s", assignedCount, pcnCode);
        }
        return assignedCount;
    }

    @Transactional
    public Contact recordContact(UUID caseId, Contact contact) {
        Case c = get(caseId);
        boolean nowActive = c.recordContact(contact.attended);
        contact.id = UUID.randomUUID();
        contact.caseRecord = c;
        contact.recordedBy = access.actor();
        contact.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        contacts.persist(contact);
        events.fire(ContactRecorded.of(c, contact));
        LOG.infof("Contact %s recorded on case %s (%s, attended=%s)%s", contact.id, caseId, contact.mode,
                contact.attended, nowActive ? "; case is now ACTIVE" : "");
        return contact;
    }

    public List<Contact> contacts(UUID caseId) {
        return contacts.ofCase(caseId);
    }

    public Optional<CarePlan> plan(UUID caseId) {
        return plans.findByIdOptional(caseId);
    }

    @Transactional
    public CarePlan savePlan(UUID caseId, CaseResource.CarePlanRequest changes) {
        Case c = get(caseId);
        c.requireOpen();
        CarePlan plan = plan(caseId).orElseGet(() -> {
            CarePlan created = new CarePlan();
            created.caseId = caseId;
            return created;
        });
        changes.applyTo(plan);
        plan.updatedBy = access.actor();
        // PostgreSQL keeps microseconds: the answer must show the time a later read will show.
        plan.updatedAt = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        if (!plans.isPersistent(plan)) {
            plans.persist(plan);
        }
        if (Boolean.TRUE.equals(changes.agreed()) && plan.agreedAt == null) {
            plan.agreedAt = plan.updatedAt;
            plan.agreedBy = plan.updatedBy;
            events.fire(CarePlanAgreed.of(c, plan));
        }
        LOG.infof("Care plan of case %s saved by %s", caseId, plan.updatedBy);
        return plan;
    }

    /** A link worker's or coordinator's closure; REFERRAL_CANCELLED comes only from the referral's cancellation. */
    @Transactional
    public Case close(UUID caseId, ClosureReason reason) {
        if (reason == ClosureReason.REFERRAL_CANCELLED) {
            throw ProblemException.unprocessable("reason",
                    "REFERRAL_CANCELLED is set when the referral is cancelled; cancel the referral instead");
        }
        return close(get(caseId), reason, access.actor());
    }

    /**
     * Runs in the inbox transaction of a {@code referral.cancelled} event: the referral's open case closes, on
     * the waiting list or with a link worker. A referral without a case (cancelled before acceptance) or whose
     * case is already closed needs nothing.
     */
    public void closeForCancelledReferral(UUID referralId) {
        Optional<Case> found = cases.findByReferral(referralId);
        if (found.isEmpty() || !found.get().status.isOpen()) {
            LOG.infof("Referral %s cancelled; it has no open case", referralId);
            return;
        }
        close(found.get(), ClosureReason.REFERRAL_CANCELLED, "referral-service");
    }

    /**
     * Observers of {@link CaseClosed} end the case's live social prescriptions (a closed case can no longer move
     * them). Then the worker's freed place goes to the waiting list.
     */
    private Case close(Case c, ClosureReason reason, String actor) {
        c.close(reason);
        events.fire(CaseClosed.of(c));
        LOG.infof("Case %s closed by %s (%s)", c.id, actor, reason);
        if (c.pcnCode != null && c.linkWorker != null) {
            cases.flush();
            pullFromWaitingList(c.pcnCode);
        }
        return c;
    }

    /** The calling link worker's cases by status, who is overdue a contact and which plans are due a review. */
    public CaseloadView caseloadOfCaller() {
        LinkWorker worker = workers.workerByUsername(access.actor())
                .orElseThrow(() -> ProblemException.notFound("Link worker " + access.actor()));
        List<Case> mine = cases.ofWorker(worker.id, null);
        Map<CaseStatus, Long> counts = new EnumMap<>(CaseStatus.class);
        for (CaseStatus status : CaseStatus.values()) {
            counts.put(status, mine.stream().filter(c -> c.status == status).count());
        }
        OffsetDateTime contactCutoff = OffsetDateTime.now(ZoneOffset.UTC).minusDays(CONTACT_DUE_DAYS);
        LocalDate reviewCutoff = LocalDate.now(ZoneOffset.UTC).plusDays(REVIEW_NOTICE_DAYS);
        List<Case> open = mine.stream().filter(c -> c.status.isOpen()).toList();
        List<Due> overdue = open.stream()
                .map(c -> new Due(c.id, name(c), c.status, lastContactOrAssignment(c), null))
                .filter(d -> d.lastContact() != null && d.lastContact().isBefore(contactCutoff)).toList();
        List<Due> reviews = open.stream()
                .flatMap(c -> plan(c.id).stream()
                        .filter(p -> p.reviewDate != null && !p.reviewDate.isAfter(reviewCutoff))
                        .map(p -> new Due(c.id, name(c), c.status, null, p.reviewDate)))
                .toList();
        open.forEach(c -> check(c, "case.caseload"));
        return new CaseloadView(LinkWorkerView.of(worker, workers.capOf(worker), open.size()), counts, overdue, reviews);
    }

    private static String name(Case c) {
        return c.patient.givenName() + " " + c.patient.familyName();
    }

    /** When the patient was last seen or spoken to; the assignment date when never. */
    private OffsetDateTime lastContactOrAssignment(Case c) {
        return contacts.lastAt(c.id).orElse(c.assignedAt);
    }

    private void assign(Case c, LinkWorker worker) {
        c.assignTo(worker);
        events.fire(CaseAssigned.of(c));
        LOG.debugf("Case %s for referral %s assigned to %s", c.id, c.referralId, worker.username);
    }
}
