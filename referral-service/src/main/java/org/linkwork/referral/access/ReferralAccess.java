package org.linkwork.referral.access;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.network.NetworkPracticeRepository;

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
    private final NetworkPracticeRepository network;

    ReferralAccess(SecurityIdentity identity, JsonWebToken token, NetworkPracticeRepository network) {
        this.identity = identity;
        this.token = token;
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

    /** Whether the caller may see a referral from this practice or organisation, whose case has this link worker. */
    public boolean mayRead(String odsCode, String linkWorker) {
        if (identity.hasRole(COORDINATOR) && network.pcnOf(odsCode)
                .map(pcn -> pcn.equals(token.getClaim("pcn"))).orElse(true)) {
            return true;
        }
        if (identity.hasRole(GP) && odsCode.equals(token.getClaim("ods"))) {
            return true;
        }
        return identity.hasRole(LINK_WORKER) && actor().equals(linkWorker);
    }
}
