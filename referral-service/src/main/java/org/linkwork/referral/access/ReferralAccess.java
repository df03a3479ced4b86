package org.linkwork.referral.access;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.domain.NetworkPractices;
import org.linkwork.referral.domain.Referral;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may see and change which referral. Coarse role checks sit on the resource methods; the
 * rules here need the referral itself: a GP only their own practice's referrals (claim
 * {@code ods}), a link worker only the referrals of their cases, a coordinator those of their PCN
 * (claim {@code pcn}) plus those from organisations outside the network, which belong to no PCN and
 * would otherwise wait for a triage no coordinator could give.
 */
@RequestScoped
public class ReferralAccess {

    public static final String GP = "gp";
    public static final String NHS_SERVICE = "nhs-service";
    public static final String COORDINATOR = "coordinator";
    public static final String LINK_WORKER = "link-worker";
    public static final String AUDITOR = "auditor";

    private final SecurityIdentity identity;
    private final JsonWebToken token;
    private final AuditTrail audit;
    private final NetworkPractices network;

    ReferralAccess(SecurityIdentity identity, JsonWebToken token, AuditTrail audit, NetworkPractices network) {
        this.identity = identity;
        this.token = token;
        this.audit = audit;
        this.network = network;
    }

    public String actor() {
        return identity.getPrincipal().getName();
    }

    /** The calling system or person, to scope Idempotency-Keys: the OAuth client for machine tokens. */
    public String client() {
        String clientId = token.getClaim("azp");
        return clientId != null && token.getClaim("preferred_username") == null ? clientId : actor();
    }

    /** The practice a GP token speaks for, or null for roles not bound to one practice. */
    public String practice() {
        if (identity.hasRole(COORDINATOR) || identity.hasRole(NHS_SERVICE)) {
            return null;
        }
        return identity.hasRole(GP) ? token.getClaim("ods") : null;
    }

    /**
     * The PCN a coordinator's lists are limited to, or null for callers who are not coordinators.
     *
     * @throws ProblemException 403 for a coordinator token without a {@code pcn} claim: it has no scope at all
     */
    public String coordinatorScope() {
        if (!identity.hasRole(COORDINATOR)) {
            return null;
        }
        String pcn = token.getClaim("pcn");
        if (pcn == null || pcn.isBlank()) {
            throw new ProblemException(Problem.of(403, "Forbidden", "The coordinator's token carries no pcn claim"));
        }
        return pcn;
    }

    public boolean isOnlyLinkWorker() {
        return identity.hasRole(LINK_WORKER) && !identity.hasRole(COORDINATOR) && !identity.hasRole(GP);
    }

    /** A GP refers only for their own practice; NHS services may refer for any organisation. */
    public void checkMayReferFor(String odsCode) {
        if (identity.hasRole(NHS_SERVICE)) {
            return;
        }
        String practice = token.getClaim("ods");
        if (practice == null || !practice.equals(odsCode)) {
            throw new ProblemException(Problem.of(403, "Forbidden",
                    "This token may only refer patients of practice " + (practice == null ? "(none)" : practice)));
        }
    }

    /**
     * @throws ProblemException 404 when the caller may not see the referral: saying "forbidden" would
     *                          confirm that the patient was referred
     */
    public void checkMayRead(Referral referral, String action) {
        if (!mayRead(referral)) {
            audit.record(action, "Referral", referral.id.toString(), referral.patient.nhsNumber, Outcome.DENIED);
            throw ProblemException.notFound("Referral " + referral.id);
        }
    }

    public boolean mayRead(Referral referral) {
        if (identity.hasRole(COORDINATOR) && network.pcnOf(referral.referrer.odsCode)
                .map(pcn -> pcn.equals(token.getClaim("pcn"))).orElse(true)) {
            return true;
        }
        if (identity.hasRole(GP) && referral.referrer.odsCode.equals(token.getClaim("ods"))) {
            return true;
        }
        return identity.hasRole(LINK_WORKER) && actor().equals(referral.linkWorker);
    }

    /**
     * The referral if it exists and the caller may see it; reads ({@code *.read} actions) are
     * audited here, other actions by the caller once done.
     *
     * @param what how the caller's protocol names the referral in a 404, e.g. {@code ServiceRequest/<id>}
     */
    public Referral readable(Optional<Referral> found, UUID id, String action, String what) {
        Referral referral = found.orElse(null);
        if (referral == null) {
            auditedMissing(action, id);
            throw ProblemException.notFound(what);
        }
        checkMayRead(referral, action);
        if (action.endsWith(".read")) {
            audited(action, referral);
        }
        return referral;
    }

    public void audited(String action, Referral referral) {
        audit.record(action, "Referral", referral.id.toString(), referral.patient.nhsNumber, Outcome.SUCCESS);
    }

    private void auditedMissing(String action, UUID id) {
        audit.record(action, "Referral", id.toString(), null, Outcome.NOT_FOUND);
    }
}
