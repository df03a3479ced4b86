package org.linkwork.caseload.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.platform.security.Roles;

/**
 * A link worker sees and changes only their own cases; a coordinator everything in their PCN
 * (claim {@code pcn}). Other roles are refused by the resources' {@code @RolesAllowed}.
 */
@RequestScoped
public class CaseAccess {

    private final Caller caller;
    private final AuditTrail audit;

    CaseAccess(Caller caller, AuditTrail audit) {
        this.caller = caller;
        this.audit = audit;
    }

    public String actor() {
        return caller.name();
    }

    public boolean isCoordinator() {
        return caller.hasRole(Roles.COORDINATOR);
    }

    /** The coordinator's PCN; 403 when the token carries none. */
    public String coordinatorPcn() {
        return caller.requiredPcnCode();
    }

    /** A coordinator may act only on their own PCN. */
    public void checkCoordinates(String pcnCode) {
        if (!isCoordinator() || !coordinatorPcn().equals(pcnCode)) {
            throw new ProblemException(Problem.of(403, "Forbidden", "A coordinator manages only their own PCN"));
        }
    }

    /**
     * Audits the action on the case, refused or not.
     *
     * @param pcnCode    the case's PCN, null when its practice is outside the network
     * @param linkWorker the user name of the case's link worker, null while it waits
     * @throws ProblemException 404 when the caller may not see the case, so its existence is not revealed
     */
    public void check(String action, UUID caseId, String nhsNumber, String pcnCode, String linkWorker) {
        boolean allowed = isCoordinator() && pcnCode != null && caller.pcnCode().filter(pcnCode::equals).isPresent()
                || caller.hasRole(Roles.LINK_WORKER) && linkWorker != null && actor().equals(linkWorker);
        audit.record(action, "Case", caseId.toString(), nhsNumber, allowed ? Outcome.SUCCESS : Outcome.DENIED);
        if (!allowed) {
            throw ProblemException.notFound("Case " + caseId);
        }
    }
}
