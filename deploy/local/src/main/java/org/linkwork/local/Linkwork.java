package org.linkwork.local;

import java.nio.file.Path;

/** {@code deploy/local/linkwork up|down|status|demo}: the suite on one machine. */
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
                case "demo" -> new PatientJourney(suite, System.out).walk();
                default -> {
                    System.out.println("""
                            usage: deploy/local/linkwork up|down|status|demo
                              up      build what is missing, start everything, wait until all is ready
                              down    stop everything; data stays in $LINKWORK_HOME (default ~/.linkwork)
                              status  each component: running or not, ready or not (exit 3 unless all ready)
                              demo    walk one patient from GP referral to closed case through the gateway""");
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
