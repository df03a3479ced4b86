package org.linkwork.outcomes.caseowner;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Case ownership from {@code org.linkwork.case.assigned.v1}: a reassignment replaces the owner; an older assignment
 * arriving late does not.
 */
@ApplicationScoped
public class CaseOwners {

    private static final Logger LOG = Logger.getLogger(CaseOwners.class);

    private final EntityManager entityManager;

    CaseOwners(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** @return {@code false} when the assignment is older than the one known, and so ignored */
    public boolean assigned(JsonNode body) {
        UUID caseId = UUID.fromString(body.path("caseId").asText());
        OffsetDateTime assignedAt = OffsetDateTime.parse(body.path("assignedAt").asText());
        CaseOwner owner = entityManager.find(CaseOwner.class, caseId);
        if (owner != null && owner.assignedAt.isAfter(assignedAt)) {
            LOG.infof("Case %s: assignment of %s is older than the one known; ignored", caseId, assignedAt);
            return false;
        }
        boolean known = owner != null;
        if (!known) {
            owner = new CaseOwner();
            owner.caseId = caseId;
        }
        owner.referralId = UUID.fromString(body.path("referralId").asText());
        owner.linkWorker = body.path("linkWorker").asText();
        owner.pcnCode = body.path("pcnCode").isNull() ? null : body.path("pcnCode").asText();
        owner.assignedAt = assignedAt;
        if (!known) {
            entityManager.persist(owner);
        }
        LOG.infof("Case %s belongs to %s", caseId, owner.linkWorker);
        return true;
    }
}
