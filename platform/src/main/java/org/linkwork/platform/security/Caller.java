package org.linkwork.platform.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who is calling, as the realm's token says: the claims every service's row-level rules read, so that each
 * access class states its rules rather than the token plumbing.
 */
@RequestScoped
public class Caller {

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The person or system acting, as audit records name them. */
    public String name() {
        return identity.getPrincipal().getName();
    }

    /** The calling system for machine tokens (their OAuth client, claim {@code azp}), else the person. */
    public String client() {
        Optional<String> clientId = claim("azp");
        return clientId.isPresent() && claim("preferred_username").isEmpty() ? clientId.get() : name();
    }

    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public boolean isAnonymous() {
        return identity.isAnonymous();
    }

    /** The practice a GP's token speaks for (claim {@code ods}). */
    public Optional<String> odsCode() {
        return claim("ods");
    }

    /** The primary care network a coordinator works for (claim {@code pcn}). */
    public Optional<String> pcnCode() {
        return claim("pcn");
    }

    /** @throws ProblemException 403 when the token has no {@code pcn} claim: such a coordinator has no scope at all */
    public String requiredPcnCode() {
        return pcnCode().orElseThrow(
                () -> new ProblemException(Problem.of(403, "Forbidden", "The token carries no pcn claim")));
    }

    public Optional<String> claim(String name) {
        Object value = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim(name) : null;
        return value == null || value.toString().isBlank() ? Optional.empty() : Optional.of(value.toString());
    }
}
