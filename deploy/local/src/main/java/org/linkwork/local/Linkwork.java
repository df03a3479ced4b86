package org.linkwork.local;

import java.nio.file.Path;
import java.util.List;

/** {@code deploy/local/linkwork up|down|status|demo|ics-events}: the suite on one machine. */
public final class Linkwork {

    private Linkwork() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "help" : args[0];
        try {
            SuiteSettings settings = SuiteSettings.fromEnvironment(SuiteSettings.findRepository(Path.of("")));
            Suite suite = new Suite(settings, System.out);
            switch (command) {
                case "up" -> suite.up();
                case "down" -> suite.down();
                case "status" -> System.exit(suite.status() ? 0 : 3);
                case "restart" -> {
                    if (args.length != 2) {
                        throw new LauncherException("usage: deploy/local/linkwork restart <component>, e.g. outcomes-service");
                    }
                    suite.restart(args[1]);
                }
                case "demo" -> new PatientJourney(suite, System.out).walk();
                case "ics-events" -> new IcsEvents(suite, System.out).follow(List.of(args).contains("--from-beginning"));
                default -> {
                    System.out.println("""
                            usage: deploy/local/linkwork up|down|status|restart <component>|demo|ics-events [--from-beginning]
                              up          build what is missing, start everything, wait until all is ready
                              down        stop everything; data stays in $LINKWORK_HOME (default ~/.linkwork)
                              status      each component: running or not, ready or not (exit 3 unless all ready)
                              restart     stop one component and start it again alone, e.g. restart outcomes-service;
                                          prints how long it took to answer ready
                              demo        walk one patient from GP referral to closed case through the gateway
                              ics-events  print the pseudonymised ics-events stream as the ics-dashboard client, with
                                          deploy/ics/ics-consumer.properties (what its group has not read yet, or all
                                          with --from-beginning); Ctrl-C stops""");
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (LauncherException e) {
            System.err.println();
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }
}
