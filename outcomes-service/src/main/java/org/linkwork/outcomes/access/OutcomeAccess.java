package org.linkwork.outcomes.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.linkwork.outcomes.caseowners.CaseOwner;
import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.platform.security.Roles;

import io.quarkus.security.ForbiddenException;

/**
 * A link worker records and reads the assessments of their own cases; a coordinator those of their PCN (claim
 * {@code pcn}), and the reports of that PCN only. Ownership comes from caseload-service's events; until the case's
 * assignment has arrived the case is unknown here (404).
 */
@RequestScoped
public class OutcomeAccess {

    private final Caller caller;
    private final CaseOwnerRepository owners;
    private final AuditTrail audit;

    OutcomeAccess(Caller caller, CaseOwnerRepository owners, AuditTrail audit) {
        this.caller = caller;
        this.owners = owners;
        this.audit = audit;
    }

    public String actor() {
        return caller.name();
    }

    /** @throws ProblemException 404 when the case is unknown here or not the caller's, so as not to reveal it */
    public void check(UUID caseId, String action) {
        CaseOwner owner = owners.findById(caseId);
        boolean ownCase = owner != null && caller.hasRole(Roles.LINK_WORKER) && caller.name().equals(owner.linkWorker);
        boolean ownPcn = owner != null && owner.pcnCode != null && caller.hasRole(Roles.COORDINATOR)
                && caller.pcnCode().filter(owner.pcnCode::equals).isPresent();
        boolean allowed = ownCase || ownPcn;
        // No NHS number is kept here (the read model is pseudonymised); the suite's audit trail in
        // referral-service finds the patient through the referral the case was opened for.
        audit.record(action, "Case", caseId.toString(), null,
                allowed ? Outcome.SUCCESS : owner == null ? Outcome.NOT_FOUND : Outcome.DENIED);
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
        if (caller.hasRole(Roles.ICS_ANALYST)) {
            return asked;
        }
        String own = caller.pcnCode().orElse(null);
        if (own == null || (asked != null && !asked.equals(own))) {
            audit.record(action, "Report", asked, null, Outcome.DENIED);
            throw new ForbiddenException(own == null ? "A coordinator's token must carry the pcn claim"
                    : "A coordinator sees the reports of their own PCN (" + own + ") only");
        }
        return own;
    }
}
