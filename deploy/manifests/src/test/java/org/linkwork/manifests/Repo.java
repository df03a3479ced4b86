package org.linkwork.manifests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Paths in the repository this module checks. */
final class Repo {

    static final Path ROOT = root();
    static final Path K8S = ROOT.resolve("deploy/k8s");
    static final Path COMPOSE = ROOT.resolve("deploy/compose");
    static final Path GATEWAY_TEMPLATE = ROOT.resolve("deploy/gateway/linkwork-gateway.conf");
    static final Path GATEWAY_COPY = K8S.resolve("base/gateway/linkwork-gateway.conf");
    static final Path REALM = ROOT.resolve("deploy/keycloak/linkwork-realm.json");
    static final Path REALM_IMPORT = K8S.resolve("base/keycloak/realm-import.yaml");

    /** The suite's services: name, HTTP port, database. */
    record Service(String name, int port, String database) {
        Path properties() {
            return ROOT.resolve(name + "/src/main/resources/application.properties");
        }

        Path sources() {
            return ROOT.resolve(name + "/src/main/java");
        }
    }

    static final List<Service> SERVICES = List.of(
            new Service("referral-service", 8081, "referral"),
            new Service("activity-directory-service", 8082, "directory"),
            new Service("caseload-service", 8083, "caseload"),
            new Service("outcomes-service", 8084, "outcomes"));

    static final List<String> OVERLAYS = List.of("dev", "production");

    private Repo() {
    }

    private static Path root() {
        // linkwork.manifests.root (from the command line) checks another checkout, e.g. a clean
        // export of a commit; linkwork.repo.root is this module's own (set in its pom).
        String configured = System.getProperty("linkwork.manifests.root", System.getProperty("linkwork.repo.root"));
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path p = start.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("pom.xml")) && Files.isDirectory(p.resolve("deploy/k8s"))) {
                return p;
            }
        }
        throw new IllegalStateException("repository root not found from " + start);
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file.toString(), e);
        }
    }
}
