package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a kustomization with the real Kustomize, as {@code kubectl apply -k} would: {@code kubectl
 * kustomize} when kubectl carries Kustomize 5 or newer, else {@code kustomize build} (which .ci/run
 * installs when neither is on the PATH). Without either the tests fail, saying so.
 */
final class KustomizeCommand {

    private static final long TIMEOUT_SECONDS = 60;

    /** kubectl 1.24 and later print the Kustomize they embed; older ones (Debian 12's 1.20) do not and are too old. */
    private static final Pattern KUBECTL_KUSTOMIZE = Pattern.compile("Kustomize Version: v(\\d+)\\.");

    private KustomizeCommand() {
    }

    /** The resources {@code dir} renders to, in Kustomize's output order. */
    static List<ObjectNode> build(Path dir) {
        List<String> command = command();
        String where = String.join(" ", command) + " " + dir;
        Output out = run(where, command, dir.toString());
        if (out.exitCode() != 0) {
            throw new KustomizeFailed(where + " exited with " + out.exitCode() + ":\n" + out.stderr());
        }
        List<ObjectNode> resources = new ArrayList<>();
        for (JsonNode doc : Yaml.readAll(out.stdout(), where)) {
            resources.add((ObjectNode) doc);
        }
        return resources;
    }

    /** Resources of one kind, by name. */
    static Map<String, ObjectNode> byName(List<ObjectNode> resources, String kind) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode r : resources) {
            if (kind.equals(r.path("kind").asText())) {
                out.put(Yaml.name(r), r);
            }
        }
        return out;
    }

    private static List<String> command() {
        if (onPath("kubectl")) {
            Output version = run("kubectl version --client", List.of("kubectl", "version", "--client"));
            Matcher m = KUBECTL_KUSTOMIZE.matcher(version.stdout());
            if (version.exitCode() == 0 && m.find() && Integer.parseInt(m.group(1)) >= 5) {
                return List.of("kubectl", "kustomize");
            }
        }
        if (onPath("kustomize")) {
            // Debian's build reports its version as "(devel)": nothing to check it by.
            return List.of("kustomize", "build");
        }
        throw new KustomizeFailed("Neither `kubectl kustomize` (Kustomize 5 or newer) nor `kustomize` is on the PATH:"
                + " run .ci/run once as root, or install Debian 13's kustomize package (see deploy/k8s/README.md)");
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private record Output(int exitCode, String stdout, String stderr) {
    }

    private static Output run(String where, List<String> command, String... args) {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of(args));
        try {
            // Files, not pipes: a full stderr pipe could stall the process while stdout is read.
            Path stdout = Files.createTempFile("kustomize", ".out");
            Path stderr = Files.createTempFile("kustomize", ".err");
            try {
                Process process = new ProcessBuilder(argv)
                        .redirectOutput(stdout.toFile())
                        .redirectError(stderr.toFile())
                        .start();
                if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new KustomizeFailed(where + " did not finish within " + TIMEOUT_SECONDS + " s:\n"
                            + Files.readString(stderr, StandardCharsets.UTF_8));
                }
                return new Output(process.exitValue(), Files.readString(stdout, StandardCharsets.UTF_8),
                        Files.readString(stderr, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(stdout);
                Files.deleteIfExists(stderr);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(where, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KustomizeFailed(where + " was interrupted");
        }
    }

    static final class KustomizeFailed extends RuntimeException {
        KustomizeFailed(String message) {
            super(message);
        }
    }
}
