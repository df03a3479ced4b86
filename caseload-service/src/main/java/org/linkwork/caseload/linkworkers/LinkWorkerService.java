package org.linkwork.caseload.linkworkers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.platform.problem.ProblemException;

/** The network's practices and link workers, with each worker's cap and current caseload. */
@ApplicationScoped
public class LinkWorkerService {

    private static final Logger LOG = Logger.getLogger(LinkWorkerService.class);

    private final LinkWorkerRepository workers;
    private final PracticeRepository practices;
    private final CaseAccess access;
    private final Event<PlacesFreed> placesFreed;
    private final Event<LinkWorkerChanged> changed;
    private final int capPerFte;

    LinkWorkerService(LinkWorkerRepository workers, PracticeRepository practices, CaseAccess access,
            Event<PlacesFreed> placesFreed, Event<LinkWorkerChanged> changed,
            @ConfigProperty(name = "linkwork.caseload.cap-per-fte", defaultValue = "250") int capPerFte) {
        this.workers = workers;
        this.practices = practices;
        this.access = access;
        this.placesFreed = placesFreed;
        this.changed = changed;
        this.capPerFte = capPerFte;
    }

    public Optional<String> pcnOfPractice(String odsCode) {
        return practices.findByIdOptional(odsCode).map(p -> p.pcnCode);
    }

    public Optional<LinkWorker> worker(UUID id) {
        return workers.findByIdOptional(id);
    }

    public Optional<LinkWorker> workerByUsername(String username) {
        return workers.findByUsername(username);
    }

    /**
     * The PCN's workers with their open caseloads. With {@code lock}, their rows are locked for the
     * rest of the transaction so that two assignments in one PCN cannot both take a worker's last place.
     */
    public List<AssignmentPolicy.Candidate> candidates(String pcnCode, boolean lock) {
        return workers.inPcn(pcnCode, lock).stream()
                .map(w -> new AssignmentPolicy.Candidate(w, capOf(w), workers.openCases(w.id))).toList();
    }

    public long openCases(UUID workerId) {
        return workers.openCases(workerId);
    }

    public int capOf(LinkWorker worker) {
        return worker.cap(capPerFte);
    }

    /** A coordinator adds a worker to their own PCN; the worker's places are offered to the waiting list at once. */
    @Transactional
    public LinkWorker add(LinkWorkerRequest request) {
        access.checkCoordinates(request.pcnCode());
        if (workers.findByUsername(request.username()).isPresent()) {
            throw ProblemException.conflict("A link worker with user name " + request.username() + " exists already");
        }
        LinkWorker worker = new LinkWorker();
        worker.id = UUID.randomUUID();
        worker.username = request.username();
        request.applyTo(worker);
        workers.persist(worker);
        LOG.infof("Link worker %s added to PCN %s by %s", worker.username, worker.pcnCode, access.actor());
        return freed(worker);
    }

    /** Within the coordinator's own PCN; more hours, a bigger cap or a return free places for the waiting list. */
    @Transactional
    public LinkWorker change(UUID id, LinkWorkerRequest request) {
        LinkWorker worker = workers.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Link worker " + id));
        access.checkCoordinates(worker.pcnCode);
        access.checkCoordinates(request.pcnCode());
        request.applyTo(worker);
        LOG.infof("Link worker %s changed by %s", worker.username, access.actor());
        return freed(worker);
    }

    private LinkWorker freed(LinkWorker worker) {
        workers.flush();
        changed.fire(LinkWorkerChanged.of(worker));
        placesFreed.fire(new PlacesFreed(worker.pcnCode));
        return worker;
    }
}
