package org.linkwork.caseload.access;

import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * A link worker sees and changes only their own cases; a coordinator everything in their PCN
 * (claim {@code pcn}). Other roles are refused by the resources' role checks.
 */
@RequestScoped
public class CaseAccess {

    public static final String LINK_WORKER = "link-worker";
    public static final String COORDINATOR = "coordinator";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final AuditTrail audit;

    CaseAccess(SecurityIdentity identity, JsonWebToken token, AuditTrail audit) {
        this.identity = identity;
        this.token = token;
        this.audit = audit;
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    public boolean isCoordinator() {
        return identity.hasRole(COORDINATOR);
    }

    /** The coordinator's PCN; 403 when the token carries none. */
    public String coordinatorPcn() {
        String pcn = token.getClaim("pcn");
        if (pcn == null) {
            throw new ProblemException(Problem.of(403, "Forbidden", "The token carries no pcn claim"));
        }
        return pcn;
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
        boolean allowed = isCoordinator() && pcnCode != null && pcnCode.equals(token.getClaim("pcn"))
                || identity.hasRole(LINK_WORKER) && linkWorker != null && actor().equals(linkWorker);
        audit.record(action, "Case", caseId.toString(), nhsNumber, allowed ? Outcome.SUCCESS : Outcome.DENIED);
        if (!allowed) {
            throw ProblemException.notFound("Case " + caseId);
        }
    }
}
