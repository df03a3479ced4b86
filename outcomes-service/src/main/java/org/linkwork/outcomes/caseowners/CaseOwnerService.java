package org.linkwork.outcomes.caseowners;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

/**
 * Case ownership from caseload-service's assignments: a reassignment replaces the owner; an older assignment
 * arriving late does not.
 */
@ApplicationScoped
public class CaseOwnerService {

    private static final Logger LOG = Logger.getLogger(CaseOwnerService.class);

    private final CaseOwnerRepository owners;

    CaseOwnerService(CaseOwnerRepository owners) {
        this.owners = owners;
    }

    /** @return {@code false} when the assignment is older than the one known, and so ignored */
    @Transactional
    public boolean assign(UUID caseId, UUID referralId, String linkWorker, String pcnCode, OffsetDateTime assignedAt) {
        CaseOwner owner = owners.findByIdOptional(caseId).orElseGet(CaseOwner::new);
        if (owner.assignedAt != null && owner.assignedAt.isAfter(assignedAt)) {
            LOG.infof("Case %s: assignment of %s is older than the one known; ignored", caseId, assignedAt);
            return false;
        }
        owner.caseId = caseId;
        owner.referralId = referralId;
        owner.linkWorker = linkWorker;
        owner.pcnCode = pcnCode;
        owner.assignedAt = assignedAt;
        owners.persist(owner);
        LOG.debugf("Case %s belongs to %s", caseId, linkWorker);
        return true;
    }
}
