package org.linkwork.outcomes.caseowner;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A link worker records and reads the assessments of their own cases; a coordinator those of
 * their PCN (claim {@code pcn}). Ownership comes from caseload-service's events; until the case's
 * assignment has arrived the case is unknown here (404).
 */
@RequestScoped
public class OutcomeAccess {

    public static final String LINK_WORKER = "link-worker";
    public static final String COORDINATOR = "coordinator";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final EntityManager entityManager;
    private final AuditTrail audit;

    OutcomeAccess(SecurityIdentity identity, JsonWebToken token, EntityManager entityManager, AuditTrail audit) {
        this.identity = identity;
        this.token = token;
        this.entityManager = entityManager;
        this.audit = audit;
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    /** @throws ProblemException 404 when the case is unknown here or not the caller's, so as not to reveal it */
    public void check(UUID caseId, String action) {
        CaseOwner owner = entityManager.find(CaseOwner.class, caseId);
        boolean allowed = owner != null && (
                (identity.hasRole(LINK_WORKER) && actor().equals(owner.linkWorker))
                || (identity.hasRole(COORDINATOR) && owner.pcnCode != null && owner.pcnCode.equals(token.getClaim("pcn"))));
        // No NHS number is kept here (the read model is pseudonymised); the suite's audit trail in
        // referral-service finds the patient through the referral the case was opened for.
        audit.record(action, "Case", caseId.toString(), null, allowed ? Outcome.SUCCESS : owner == null ? Outcome.NOT_FOUND : Outcome.DENIED);
        if (!allowed) {
            throw ProblemException.notFound("Case " + caseId);
        }
    }
}
