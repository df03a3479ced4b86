package org.linkwork.caseload.linkworkers;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class LinkWorkerRepository implements PanacheRepositoryBase<LinkWorker, UUID> {

    public Optional<LinkWorker> findByUsername(String username) {
        return find("username", username).firstResultOptional();
    }

    /** With {@code lock}, the rows stay locked (SELECT ... FOR UPDATE) until the transaction ends. */
    public List<LinkWorker> inPcn(String pcnCode, boolean lock) {
        return find("pcnCode", Sort.by("username"), pcnCode)
                .withLock(lock ? LockModeType.PESSIMISTIC_WRITE : LockModeType.NONE).list();
    }

    /** Counted from the cases by entity name: a worker's load is the one thing linkworkers reads of cases. */
    public long openCases(UUID workerId) {
        return getEntityManager().createQuery("SELECT count(c) FROM Case c WHERE c.linkWorker.id = ?1"
                + " AND c.status <> org.linkwork.caseload.cases.CaseStatus.CLOSED", Long.class)
                .setParameter(1, workerId).getSingleResult();
    }
}
