package org.linkwork.local;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the suite needs from the machine besides a JDK: Apache httpd with mod_oauth2 for the
 * gateway, and the local CA in the system trust store (mod_oauth2 fetches the realm's keys over
 * https and trusts only what the OS trusts). As root on Debian/Ubuntu the launcher sets both up
 * itself; otherwise it prints the exact commands and stops.
 */
final class Prerequisites {

    static final List<String> PACKAGES = List.of("apache2", "libapache2-mod-oauth2");

    private final PrintStream out;

    Prerequisites(PrintStream out) {
        this.out = out;
    }

    static Path httpd() {
        String configured = System.getenv("LINKWORK_HTTPD");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/sbin/apache2");
    }

    static Path httpdModules() {
        String configured = System.getenv("LINKWORK_GATEWAY_MODULES");
        return Path.of(configured != null && !configured.isBlank() ? configured : "/usr/lib/apache2/modules");
    }

    void ensureGateway() {
        if (Files.isExecutable(httpd()) && Files.exists(httpdModules().resolve("mod_oauth2.so"))) {
            return;
        }
        String install = "apt-get install -y " + String.join(" ", PACKAGES);
        if (Commands.isRoot() && Commands.onPath("apt-get")) {
            out.println("Installing the gateway's packages: " + install);
            Commands.run(List.of("apt-get", "update", "-qq"), "apt-get update");
            Commands.run(List.of("sh", "-c", "DEBIAN_FRONTEND=noninteractive " + install + " -qq"), "apt-get install");
            if (Files.isExecutable(httpd()) && Files.exists(httpdModules().resolve("mod_oauth2.so"))) {
                return;
            }
        }
        throw new LauncherException("""
                The gateway needs Apache httpd with mod_oauth2 (%s with %s). Install them with:

                    sudo apt-get update && sudo %s

                (elsewhere set LINKWORK_HTTPD to the httpd binary and LINKWORK_GATEWAY_MODULES to its modules directory), then run this again."""
                .formatted(httpd(), httpdModules().resolve("mod_oauth2.so"), install));
    }

    void ensureCaTrusted(LocalCa ca) {
        if (ca.trustedBySystem()) {
            return;
        }
        if (Commands.isRoot() && Commands.onPath("update-ca-certificates")) {
            out.println("Adding the local Linkwork CA to the system trust store (" + LocalCa.SYSTEM_TRUST + ")");
            for (String command : ca.trustCommands()) {
                Commands.run(List.of("sh", "-c", command), command);
            }
            return;
        }
        throw new LauncherException("""
                The gateway checks tokens against Keycloak's keys over https, so the system must trust the local CA
                made for this machine (%s). Run:

                    sudo %s
                    sudo %s

                then run this again.""".formatted(ca.certificate(), ca.trustCommands().get(0), ca.trustCommands().get(1)));
    }
}
