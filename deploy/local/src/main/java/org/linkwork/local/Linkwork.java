package org.linkwork.local;

import java.nio.file.Files;
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
                case "year" -> year(settings.repository(), List.of(args).subList(1, args.length));
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
                                          with --from-beginning); Ctrl-C stops
                              year        start a reporting suite beside this one (outcomes-service, the ICS dashboard,
                                          gateway on port 8280; data in $LINKWORK_YEAR_HOME, default ~/.linkwork-year)
                                          and load a generated year of a region into it once (--referrals N, default
                                          15000); year down stops it""");
                    System.exit("help".equals(command) ? 0 : 2);
                }
            }
        } catch (LauncherException e) {
            System.err.println();
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /**
     * The reporting suite with the generated year; the year is loaded once per suite home (a marker file records it),
     * since questionnaires recorded through the API are new records each time.
     */
    private static void year(Path repository, List<String> options) {
        Suite suite = Suite.forReporting(SuiteSettings.forYear(repository), System.out);
        if (options.equals(List.of("down"))) {
            suite.down();
            return;
        }
        int referrals = RegionYear.REFERRALS;
        if (options.size() == 2 && options.get(0).equals("--referrals") && options.get(1).matches("[1-9][0-9]{0,6}")) {
            referrals = Integer.parseInt(options.get(1));
        } else if (!options.isEmpty()) {
            throw new LauncherException("usage: deploy/local/linkwork year [--referrals N] | year down");
        }
        suite.up();
        Path marker = suite.settings().home().resolve("year-loaded");
        if (Files.exists(marker)) {
            System.out.println("The year was loaded before (" + marker + "); delete " + suite.settings().home()
                    + " after year down to load a new one.");
        } else {
            RegionYear.generate(suite, System.out, RegionYear.SEED, referrals);
            try {
                Files.writeString(marker, "seed " + RegionYear.SEED + ", " + referrals + " referrals\n");
            } catch (java.io.IOException e) {
                throw new LauncherException("Cannot write " + marker + ": " + e.getMessage(), e);
            }
        }
        System.out.println("\nICS dashboard: " + suite.gatewayUrl() + "/dashboard/  (analyst-ria / linkwork-local)");
        System.out.println("Reports:       " + suite.gatewayUrl() + "/reports/monthly, /reports/reach, /reports/prescriptions, "
                + "/reports/workforce (an ics-analyst token from " + suite.issuer() + ")");
        System.out.println("Stop it:       deploy/local/linkwork year down");
    }
}
