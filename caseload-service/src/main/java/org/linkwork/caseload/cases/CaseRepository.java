package org.linkwork.caseload.cases;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CaseRepository implements PanacheRepositoryBase<Case, UUID> {

    public Optional<Case> findByReferral(UUID referralId) {
        return find("referralId", referralId).firstResultOptional();
    }

    /** PRIORITY referrals first, then the longest waiting. */
    public List<Case> waitingList(String pcnCode) {
        return list("pcnCode = ?1 and status = ?2 order by case when urgency = ?3 then 0 else 1 end, referralReceivedAt, id",
                pcnCode, CaseStatus.WAITING, Urgency.PRIORITY);
    }

    /** The worker's cases, optionally of one status, in the order they were assigned. */
    public List<Case> ofWorker(UUID workerId, CaseStatus status) {
        return owned("linkWorker.id", workerId, status, "assignedAt");
    }

    /** The PCN's cases, optionally of one status, in the order they were opened. */
    public List<Case> ofPcn(String pcnCode, CaseStatus status) {
        return owned("pcnCode", pcnCode, status, "openedAt");
    }

    private List<Case> owned(String owner, Object value, CaseStatus status, String order) {
        Sort sort = Sort.by(order).and("id");
        return status == null ? list(owner + " = ?1", sort, value) : list(owner + " = ?1 and status = ?2", sort, value, status);
    }
}
