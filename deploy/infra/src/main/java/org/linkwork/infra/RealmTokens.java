package org.linkwork.infra;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens shaped like those of the Linkwork Keycloak realm: realm roles in
 * {@code realm_access.roles}, practice in {@code ods}, network in {@code pcn}, the client in
 * {@code azp}. They are signed with the key whose public half
 * {@code io.quarkus.test.oidc.server.OidcWiremockTestResource} serves as JWKS (its resource sets
 * {@code smallrye.jwt.sign.key.location}); a service under test sets
 * {@code quarkus.oidc.token.issuer} to {@link #ISSUER}.
 */
public final class RealmTokens {

    public static final String ISSUER = "https://server.example.com";

    private RealmTokens() {
    }

    /** A person logged in through the realm, e.g. {@code user("dr-patel", "gp", Map.of("ods", "B86001"))}. */
    public static String user(String username, String role, Map<String, Object> claims) {
        return user(username, role, claims, Instant.now().plusSeconds(300)).sign();
    }

    /** A machine client's client-credentials token. */
    public static String client(String clientId, String role, Map<String, Object> claims) {
        JwtClaimsBuilder builder = Jwt.subject("service-account-" + clientId).claim("azp", clientId)
                .claim("realm_access", Map.of("roles", List.of(role))).issuer(ISSUER);
        claims.forEach(builder::claim);
        return builder.sign();
    }

    /** A token with no realm role at all. */
    public static String withoutRole(String username) {
        return Jwt.preferredUserName(username).subject(username).issuer(ISSUER).sign();
    }

    /** Correctly signed but expired an hour ago. */
    public static String expired(String username, String role, Map<String, Object> claims) {
        return user(username, role, claims, Instant.now().minusSeconds(3600)).issuedAt(Instant.now().minusSeconds(7200))
                .sign();
    }

    /** Right shape and claims, signed with a key the realm never published: what a forger can make. */
    public static String forged(String username, String role, Map<String, Object> claims) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return user(username, role, claims, Instant.now().plusSeconds(300)).jws().keyId("1")
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder user(String username, String role, Map<String, Object> claims, Instant expiresAt) {
        JwtClaimsBuilder builder = Jwt.preferredUserName(username).subject(username).claim("azp", "linkwork-cli")
                .claim("realm_access", Map.of("roles", List.of(role))).issuer(ISSUER).expiresAt(expiresAt);
        claims.forEach(builder::claim);
        return builder;
    }
}
