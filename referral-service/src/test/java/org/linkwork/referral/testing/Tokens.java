package org.linkwork.referral.testing;

import java.util.Map;

import org.linkwork.infra.RealmTokens;

/** The callers of the referral API, as realm tokens. */
public final class Tokens {

    private Tokens() {
    }

    public static String gp(String user, String odsCode) {
        return RealmTokens.user(user, "gp", Map.of("ods", odsCode));
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
