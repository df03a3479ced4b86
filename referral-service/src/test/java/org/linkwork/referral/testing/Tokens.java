package org.linkwork.referral.testing;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Real signed access tokens shaped like the Linkwork Keycloak realm's: realm roles in
 * {@code realm_access.roles}, practice in {@code ods}, network in {@code pcn}. They are signed with
 * the key whose public half quarkus-test-oidc-server serves as the realm's JWKS.
 */
public final class Tokens {

    public static final String ISSUER = "https://server.example.com";

    private Tokens() {
    }

    public static String gp(String user, String odsCode) {
        return user(user, "gp").claim("ods", odsCode).sign();
    }

    public static String gpSystem(String odsCode) {
        return Jwt.subject("service-account-gp-system").claim("azp", "gp-system")
                .claim("realm_access", Map.of("roles", List.of("gp"))).claim("ods", odsCode).issuer(ISSUER).sign();
    }

    public static String nhsService() {
        return Jwt.subject("service-account-nhs-service").claim("azp", "nhs-service")
                .claim("realm_access", Map.of("roles", List.of("nhs-service"))).issuer(ISSUER).sign();
    }

    public static String coordinator(String user) {
        return user(user, "coordinator").claim("pcn", "U12345").sign();
    }

    public static String linkWorker(String user) {
        return user(user, "link-worker").claim("pcn", "U12345").sign();
    }

    public static String icsAnalyst() {
        return user("analyst", "ics-analyst").sign();
    }

    public static String auditor() {
        return user("auditor", "auditor").sign();
    }

    public static String noRole() {
        return Jwt.preferredUserName("nobody").issuer(ISSUER).sign();
    }

    public static String expiredGp(String odsCode) {
        return user("dr-late", "gp").claim("ods", odsCode).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).sign();
    }

    /** Right shape, right claims, wrong key: what a forger without the realm's key can make. */
    public static String forgedGp(String odsCode) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return user("dr-forger", "gp").claim("ods", odsCode).jws().keyId("1")
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtClaimsBuilder user(String user, String role) {
        return Jwt.preferredUserName(user).subject(user).claim("azp", "linkwork-cli")
                .claim("realm_access", Map.of("roles", List.of(role))).issuer(ISSUER);
    }
}
