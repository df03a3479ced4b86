package org.linkwork.outcomes.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.outcomes.caseowners.CaseOwner;
import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * A link worker records and reads the assessments of their own cases; a coordinator those of their PCN (claim
 * {@code pcn}), and the reports of that PCN only. Ownership comes from caseload-service's events; until the case's
 * assignment has arrived the case is unknown here (404).
 */
@RequestScoped
public class OutcomeAccess {

    public static final String LINK_WORKER = "link-worker";
    public static final String COORDINATOR = "coordinator";
    public static final String ICS_ANALYST = "ics-analyst";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final CaseOwnerRepository owners;
    private final AuditTrail audit;

    OutcomeAccess(SecurityIdentity identity, JsonWebToken token, CaseOwnerRepository owners, AuditTrail audit) {
        this.identity = identity;
        this.token = token;
        this.owners = owners;
        this.audit = audit;
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    /** @throws ProblemException 404 when the case is unknown here or not the caller's, so as not to reveal it */
    public void check(UUID caseId, String action) {
        CaseOwner owner = owners.findById(caseId);
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

    /**
     * The PCN a report may cover: an ICS analyst any PCN or none; a coordinator their own and no other.
     *
     * @throws ForbiddenException for a coordinator asking for another PCN or without a {@code pcn} claim
     */
    public String reportScope(String asked, String action) {
        if (identity.hasRole(ICS_ANALYST)) {
            return asked;
        }
        String own = token.getClaim("pcn");
        if (own == null || (asked != null && !asked.equals(own))) {
            audit.record(action, "Report", asked, null, Outcome.DENIED);
            throw new ForbiddenException(own == null ? "A coordinator's token must carry the pcn claim"
                    : "A coordinator sees the reports of their own PCN (" + own + ") only");
        }
        return own;
    }
}
