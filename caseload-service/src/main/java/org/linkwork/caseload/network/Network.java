package org.linkwork.caseload.network;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Practices, PCNs and link workers with their current caseload. */
@ApplicationScoped
public class Network {

    private final EntityManager entityManager;
    private final int capPerFte;

    Network(EntityManager entityManager,
            @ConfigProperty(name = "linkwork.caseload.cap-per-fte", defaultValue = "250") int capPerFte) {
        this.entityManager = entityManager;
        this.capPerFte = capPerFte;
    }

    public Optional<String> pcnOfPractice(String odsCode) {
        return Optional.ofNullable(entityManager.find(Practice.class, odsCode)).map(p -> p.pcnCode);
    }

    public Optional<LinkWorker> worker(UUID id) {
        return Optional.ofNullable(entityManager.find(LinkWorker.class, id));
    }

    public Optional<LinkWorker> workerByUsername(String username) {
        return entityManager.createQuery("FROM LinkWorker w WHERE w.username = :u", LinkWorker.class)
                .setParameter("u", username).getResultStream().findFirst();
    }

    /**
     * The PCN's workers with their open caseloads. With {@code lock}, their rows are locked for the
     * rest of the transaction so that two assignments in one PCN cannot both take a worker's last place.
     */
    public List<AssignmentPolicy.Candidate> candidates(String pcnCode, boolean lock) {
        List<LinkWorker> workers = entityManager
                .createQuery("FROM LinkWorker w WHERE w.pcnCode = :pcn ORDER BY w.username", LinkWorker.class)
                .setParameter("pcn", pcnCode)
                .setLockMode(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE)
                .getResultList();
        return workers.stream().map(w -> new AssignmentPolicy.Candidate(w, w.cap(capPerFte), openCases(w.id))).toList();
    }

    public long openCases(UUID workerId) {
        return entityManager.createQuery(
                "SELECT count(c) FROM Case c WHERE c.linkWorker.id = :w AND c.status <> org.linkwork.caseload.cases.CaseStatus.CLOSED",
                Long.class).setParameter("w", workerId).getSingleResult();
    }

    public int capOf(LinkWorker worker) {
        return worker.cap(capPerFte);
    }
}
