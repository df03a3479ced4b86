package org.linkwork.manifests;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The suite's images as deploy/containers/build-images.sh makes them, read from the script, the
 * root POM and the Dockerfiles it builds with, so that the deployments are checked against the
 * build rather than against a second copy of its names, ports and users.
 */
final class SuiteImages {

    static final Path BUILD_SCRIPT = Repo.ROOT.resolve("deploy/containers/build-images.sh");

    private static final Pattern USER = Pattern.compile("(?m)^USER\\s+(\\d+)(?::(\\d+))?\\s*$");

    /**
     * An image the script builds: its name without registry prefix and tag ("referral-service",
     * "gateway"), its Dockerfile, and the port the script builds it for (services only).
     */
    record Image(String name, Path dockerfile, Integer scriptPort) {

        /** prefix/name:version, as the script tags it with its default prefix. */
        String reference() {
            return PREFIX + "/" + name + ":" + VERSION;
        }

        /** The port it listens on: the script's for a service, else the Dockerfile's EXPOSE. */
        int port() {
            if (scriptPort != null) {
                return scriptPort;
            }
            Matcher m = Pattern.compile("(?m)^EXPOSE\\s+(\\d+)").matcher(Repo.read(dockerfile));
            if (!m.find()) {
                throw new AssertionError(dockerfile + " exposes no port");
            }
            return Integer.parseInt(m.group(1));
        }

        /** The numeric user of the Dockerfile's last USER instruction. */
        int user() {
            return Integer.parseInt(lastUser().group(1));
        }

        /** The numeric group of the last USER instruction, if it names one. */
        Optional<Integer> group() {
            MatchResult m = lastUser();
            return m.group(2) == null ? Optional.empty() : Optional.of(Integer.parseInt(m.group(2)));
        }

        private MatchResult lastUser() {
            Matcher m = USER.matcher(Repo.read(dockerfile));
            MatchResult last = null;
            while (m.find()) {
                last = m.toMatchResult();
            }
            if (last == null) {
                throw new AssertionError(dockerfile + " has no numeric USER (Kubernetes' runAsNonRoot needs one)");
            }
            return last;
        }

        /** The path the image's HEALTHCHECK asks for, if it has one. */
        Optional<String> healthPath() {
            Matcher m = Pattern.compile("(?s)HEALTHCHECK.*?CMD.*?\"?https?://[^/\"]+(/[^\"\\s]*)").matcher(Repo.read(dockerfile));
            return m.find() ? Optional.of(m.group(1)) : Optional.empty();
        }

        /** The variables the Dockerfile's ENV instructions set, with their values (line continuations joined). */
        Map<String, String> env() {
            Map<String, String> out = new LinkedHashMap<>();
            Matcher instruction = Pattern.compile("(?m)^ENV\\s+((?:.*\\\\\\n)*.*)$").matcher(Repo.read(dockerfile));
            while (instruction.find()) {
                Matcher pair = Pattern.compile("(\\w+)=(\"[^\"]*\"|\\S+)").matcher(instruction.group(1).replace("\\\n", " "));
                while (pair.find()) {
                    out.put(pair.group(1), pair.group(2).replaceAll("^\"|\"$", ""));
                }
            }
            return out;
        }
    }

    /** The script's default registry/group, used when it is called without an argument. */
    static final String PREFIX = prefix();

    /** The root POM's version: the tag of every image. */
    static final String VERSION = pomVersion();

    /** Every image the script builds, services first, in the script's order. */
    static final List<Image> IMAGES = images();

    private SuiteImages() {
    }

    static Image named(String name) {
        return IMAGES.stream().filter(i -> i.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(BUILD_SCRIPT + " builds no image " + name));
    }

    /** Whether an image reference is one of the suite's: under the prefix, or named as one of its images. */
    static boolean isLinkwork(String reference) {
        String repository = reference.replaceFirst("[:@].*$", "");
        String last = repository.substring(repository.lastIndexOf('/') + 1);
        return repository.startsWith(PREFIX + "/") || IMAGES.stream().anyMatch(i -> i.name().equals(last));
    }

    private static String script() {
        // Line continuations joined: one docker build command per line.
        return Repo.read(BUILD_SCRIPT).replace("\\\n", " ");
    }

    private static String prefix() {
        Matcher m = Pattern.compile("(?m)^prefix=\\$\\{1:-([^}]+)}").matcher(script());
        if (!m.find()) {
            throw new AssertionError(BUILD_SCRIPT + ": no default prefix (prefix=${1:-...})");
        }
        return m.group(1);
    }

    static String pomVersion() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element project = factory.newDocumentBuilder().parse(Repo.ROOT.resolve("pom.xml").toFile()).getDocumentElement();
            for (Node n = project.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e && e.getTagName().equals("version")) {
                    return e.getTextContent().strip();
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException("pom.xml", e);
        }
        throw new AssertionError("the root pom.xml has no <version>");
    }

    /** The version as the script itself reads it (its sed expression: the first two-space-indented version line). */
    static String scriptVersion() {
        Matcher m = Pattern.compile("(?m)^  <version>(.*)</version>").matcher(Repo.read(Repo.ROOT.resolve("pom.xml")));
        return m.find() ? m.group(1) : null;
    }

    /** Service name to port, from the script's associative array. */
    static Map<String, Integer> servicePorts() {
        Matcher array = Pattern.compile("declare -A ports=\\(([^)]*)\\)").matcher(script());
        if (!array.find()) {
            throw new AssertionError(BUILD_SCRIPT + ": no `declare -A ports=(...)`");
        }
        Map<String, Integer> ports = new LinkedHashMap<>();
        Matcher entry = Pattern.compile("\\[([a-z-]+)]=(\\d+)").matcher(array.group(1));
        while (entry.find()) {
            ports.put(entry.group(1), Integer.parseInt(entry.group(2)));
        }
        return ports;
    }

    private static List<Image> images() {
        Map<String, Integer> ports = servicePorts();
        List<Image> out = new ArrayList<>();
        // docker build itself, or deploy/containers/docker-build.sh, which passes its arguments to it.
        Pattern build = Pattern.compile("(?:docker build|docker-build\\.sh)\\s.*?-f (\\S+).*?-t \"\\$prefix/([^\":]+):\\$version\"");
        for (String line : script().split("\n")) {
            Matcher m = build.matcher(line);
            if (!m.find()) {
                continue;
            }
            Path dockerfile = Repo.ROOT.resolve(m.group(1));
            if (m.group(2).equals("$service")) {
                ports.forEach((service, port) -> out.add(new Image(service, dockerfile, port)));
            } else {
                out.add(new Image(m.group(2), dockerfile, null));
            }
        }
        return List.copyOf(out);
    }
}
