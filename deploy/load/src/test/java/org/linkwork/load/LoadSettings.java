package org.linkwork.load;

import java.time.Duration;

/** What a run is pointed at and how hard it pushes; system properties, set by deploy/load/run. */
final class LoadSettings {

    static final String GATEWAY = System.getProperty("load.gateway", "http://localhost:8080");
    static final String ISSUER = System.getProperty("load.issuer", "https://localhost:8443/realms/linkwork");
    static final String CA_PEM = System.getProperty("load.ca", System.getProperty("user.home") + "/.linkwork/ca/ca.pem");
    /** Length of each measured phase. */
    static final Duration DURATION = Duration.ofSeconds(Long.getLong("load.seconds", 60));
    /** Concurrent clients of the closed-model scenarios (intake, directory search, reports). */
    static final int CLIENTS = Integer.getInteger("load.clients", 8);
    /** Arrivals per second of the open-model scenarios (the patient journey). */
    static final double RATE = Double.parseDouble(System.getProperty("load.rate", "5"));

    /** The database's ceiling at {@link #CLIENTS} clients (pgbench, transactions/s), 0 when not measured. */
    static final double CEILING_TPS = Double.parseDouble(System.getProperty("load.ceiling.tps", "0"));

    private LoadSettings() {
    }
}
