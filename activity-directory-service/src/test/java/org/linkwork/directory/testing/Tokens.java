package org.linkwork.directory.testing;

import java.util.Map;

import org.linkwork.infra.RealmTokens;

/** Callers of the directory, as signed realm tokens. */
public final class Tokens {

    private Tokens() {
    }

    public static String linkWorker() {
        return RealmTokens.user("lw-amy", "link-worker", Map.of("pcn", "U92581"));
    }

    public static String coordinator() {
        return RealmTokens.user("coord-u92581", "coordinator", Map.of("pcn", "U92581"));
    }

    public static String gp() {
        return RealmTokens.user("dr-patel", "gp", Map.of("ods", "B86001"));
    }

    public static String curator() {
        return RealmTokens.user("curator-jo", "directory-curator", Map.of());
    }

    public static String icsAnalyst() {
        return RealmTokens.user("analyst", "ics-analyst", Map.of());
    }
}
