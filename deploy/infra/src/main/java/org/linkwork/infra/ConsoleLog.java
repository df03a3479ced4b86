package org.linkwork.infra;

import java.util.logging.ConsoleHandler;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Console logging for runs outside Quarkus: {@link InfraMain} and this module's own tests. */
final class ConsoleLog {

    private ConsoleLog() {
    }

    /**
     * zonky and Kafka log through slf4j into JBoss LogManager, where Quarkus' bootstrap configurator
     * (on the class path through quarkus-test-common) holds every record, at level ALL, for a Quarkus
     * application that never starts here. A plain console handler at INFO makes the records visible and
     * spares the brokers from building debug messages nobody reads.
     *
     * <p>Must run before anything logs: the JVM picks its log manager once, on first use.
     */
    static void install() {
        if (System.getProperty("java.util.logging.manager") == null) {
            System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        }
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tT %4$-7s [%3$s] %5$s%6$s%n");
        }
        Logger root = Logger.getLogger("");
        root.setLevel(Level.INFO);
        root.addHandler(new ConsoleHandler());
    }
}
