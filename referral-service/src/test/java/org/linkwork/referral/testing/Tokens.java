package org.linkwork.referral.testing;

import java.util.List;
import java.util.Map;

import org.linkwork.infra.RealmTokens;

/** The callers of the referral API, as realm tokens. */
public final class Tokens {

    private Tokens() {
    }

    public static String gp(String user, String odsCode) {
        return RealmTokens.user(user, "gp", Map.of("ods", odsCode));
    }

    /** A GP token that speaks for no practice: claim {@code ods} is missing. */
    public static String gpWithoutOds(String user) {
        return RealmTokens.user(user, "gp", Map.of());
    }

    /** A GP who also works as a link worker, without claim {@code ods}. */
    public static String gpLinkWorkerWithoutOds(String user) {
        // The claims given here are set after the builder's own, so this one replaces its single role.
        return RealmTokens.user(user, "gp", Map.of("realm_access", Map.of("roles", List.of("gp", "link-worker"))));
    }

    public static String gpSystem(String odsCode) {
        return RealmTokens.client("gp-system", "gp", Map.of("ods", odsCode));
    }

    public static String nhsService() {
        return RealmTokens.client("nhs-service", "nhs-service", Map.of());
    }

    /** A coordinator of the PCN in claim {@code pcn}: they see that PCN's practices and those outside the network. */
    public static String coordinator(String user, String pcn) {
        return RealmTokens.user(user, "coordinator", Map.of("pcn", pcn));
    }

    public static String coordinatorWithoutPcn(String user) {
        return RealmTokens.user(user, "coordinator", Map.of());
    }

    public static String linkWorker(String user) {
        return RealmTokens.user(user, "link-worker", Map.of("pcn", "U12345"));
    }

    public static String icsAnalyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }

    public static String auditor() {
        return RealmTokens.user("auditor", "auditor", Map.of());
    }

    public static String noRole() {
        return RealmTokens.withoutRole("nobody");
    }

    public static String expiredGp(String odsCode) {
        return RealmTokens.expired("dr-late", "gp", Map.of("ods", odsCode));
    }

    public static String forgedGp(String odsCode) {
        return RealmTokens.forged("dr-forger", "gp", Map.of("ods", odsCode));
    }
}
