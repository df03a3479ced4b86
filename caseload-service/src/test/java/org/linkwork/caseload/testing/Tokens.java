package org.linkwork.caseload.testing;

import java.util.Map;

import org.linkwork.infra.RealmTokens;

/** The callers of the caseload API, as realm tokens. */
public final class Tokens {

    private Tokens() {
    }

    public static String linkWorker(String username, String pcn) {
        return RealmTokens.user(username, "link-worker", Map.of("pcn", pcn));
    }

    public static String coordinator(String pcn) {
        return RealmTokens.user("coord-" + pcn, "coordinator", Map.of("pcn", pcn));
    }

    public static String gp() {
        return RealmTokens.user("dr-patel", "gp", Map.of("ods", "B86001"));
    }

    public static String icsAnalyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }
}
