package org.linkwork.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.linkwork.local.Deployment;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.PatientJourney;
import org.linkwork.local.Suite;
import org.linkwork.local.SuiteSettings;

/**
 * The whole suite, started once per test JVM, with one patient walked through the journey. Every
 * end-to-end test class shares it; it stops when the JVM ends. The system property
 * {@code linkwork.e2e.target} says where it runs: {@code launcher} (default: the launcher's own processes on
 * ports shifted by 100, so a developer's running suite is left alone) or {@code compose} (the images in
 * deploy/compose with replicas, see {@link ComposeSuite}).
 */
final class RunningSuite {

    private static RunningSuite running;

    final Deployment suite;
    final GatewayClient gateway;
    final PatientJourney.Walked walked;

    private RunningSuite(Deployment suite, GatewayClient gateway, PatientJourney.Walked walked) {
        this.suite = suite;
        this.gateway = gateway;
        this.walked = walked;
    }

    static synchronized RunningSuite get() {
        if (running == null) {
            Deployment suite = switch (target()) {
                case "launcher" -> launcher();
                case "compose" -> ComposeSuite.up(repository());
                default -> throw new IllegalArgumentException("linkwork.e2e.target is launcher or compose, not " + target());
            };
            PatientJourney journey = new PatientJourney(suite, System.out);
            running = new RunningSuite(suite, journey.gateway(), journey.walk());
        }
        return running;
    }

    static String target() {
        return System.getProperty("linkwork.e2e.target", "launcher");
    }

    private static Suite launcher() {
        Path repository = repository();
        SuiteSettings settings = new SuiteSettings(repository, repository.resolve("deploy/e2e/target/suite"),
                SuiteSettings.localCaDirectory(), SuiteSettings.Ports.shiftedBy(100));
        // Every run starts from empty data (tests count this month's referrals, which earlier runs would add to).
        return upFromEmpty(new Suite(settings, System.out));
    }

    /**
     * Stops whatever an interrupted earlier run left running in {@code suite}'s home, empties the home, starts the
     * suite and has it stopped when the JVM ends.
     */
    static Suite upFromEmpty(Suite suite) {
        suite.down();
        deleteRecursively(suite.settings().home());
        Runtime.getRuntime().addShutdownHook(new Thread(suite::down, "suite-down"));
        suite.up();
        return suite;
    }

    private static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + directory, e);
        }
    }

    static Path repository() {
        return Path.of(System.getProperty("linkwork.repository", "../.."));
    }
}
