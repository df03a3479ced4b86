package org.linkwork.referral.access;

import jakarta.enterprise.context.RequestScoped;

import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Caller;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.network.NetworkPracticeRepository;

/**
 * Who may see and change which referral. Coarse role checks sit on the resource methods; the
 * rules here need the referral itself: a GP only their own practice's referrals (claim
 * {@code ods}), a link worker only the referrals of their cases, a coordinator those of their PCN
 * (claim {@code pcn}) plus those from organisations outside the network, which belong to no PCN and
 * would otherwise wait for a triage no coordinator could give.
 */
@RequestScoped
public class ReferralAccess {

    private final Caller caller;
    private final NetworkPracticeRepository network;

    ReferralAccess(Caller caller, NetworkPracticeRepository network) {
        this.caller = caller;
        this.network = network;
    }

    public String actor() {
        return caller.name();
    }

    /** The calling system or person, to scope Idempotency-Keys: the OAuth client for machine tokens. */
    public String client() {
        return caller.client();
    }

    /**
     * The practice a GP token speaks for, or null for roles not bound to one practice.
     *
     * @throws ProblemException 403 for a GP token without an {@code ods} claim: it speaks for no practice, and
     *                          reading it as "not bound to one" would list every practice's referrals
     */
    public String practice() {
        if (caller.hasRole(Roles.COORDINATOR) || caller.hasRole(Roles.NHS_SERVICE) || !caller.hasRole(Roles.GP)) {
            return null;
        }
        return caller.odsCode().orElseThrow(
                () -> new ProblemException(Problem.of(403, "Forbidden", "The token carries no ods claim")));
    }

    /**
     * The PCN a coordinator's lists are limited to, or null for callers who are not coordinators.
     *
     * @throws ProblemException 403 for a coordinator token without a {@code pcn} claim: it has no scope at all
     */
    public String coordinatorScope() {
        return caller.hasRole(Roles.COORDINATOR) ? caller.requiredPcnCode() : null;
    }

    public boolean isOnlyLinkWorker() {
        return caller.hasRole(Roles.LINK_WORKER) && !caller.hasRole(Roles.COORDINATOR) && !caller.hasRole(Roles.GP);
    }

    /** A GP refers only for their own practice; NHS services may refer for any organisation. */
    public void checkMayReferFor(String odsCode) {
        if (caller.hasRole(Roles.NHS_SERVICE)) {
            return;
        }
        String practice = caller.odsCode().orElse(null);
        if (practice == null || !practice.equals(odsCode)) {
            throw new ProblemException(Problem.of(403, "Forbidden",
                    "This token may only refer patients of practice " + (practice == null ? "(none)" : practice)));
        }
    }

    /** An NHS service's token: it refers for other organisations, not one practice. */
    public boolean isNhsService() {
        return caller.hasRole(Roles.NHS_SERVICE);
    }

    /** Whether the caller may see a referral from this practice or organisation, whose case has this link worker. */
    public boolean mayRead(String odsCode, String linkWorker) {
        if (caller.hasRole(Roles.COORDINATOR)
                && network.pcnOf(odsCode).map(pcn -> caller.pcnCode().filter(pcn::equals).isPresent()).orElse(true)) {
            return true;
        }
        if (caller.hasRole(Roles.GP) && caller.odsCode().filter(odsCode::equals).isPresent()) {
            return true;
        }
        return caller.hasRole(Roles.LINK_WORKER) && actor().equals(linkWorker);
    }
}
