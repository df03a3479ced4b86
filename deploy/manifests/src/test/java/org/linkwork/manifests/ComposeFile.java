package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A compose file as Docker Compose reads it: anchors, aliases and {@code <<} merge keys resolved
 * (a mapping's own keys win over merged ones; the merge is shallow, so a service that sets its own
 * {@code environment} merges the shared one explicitly). Jackson's YAML reader leaves merge keys
 * as ordinary keys, so every test reading compose.yaml reads it through here.
 */
final class ComposeFile {

    static final Path SUITE = Repo.COMPOSE.resolve("compose.yaml");

    private ComposeFile() {
    }

    /** The whole file (top-level x- blocks included, as written). */
    static JsonNode read(Path file) {
        return parse(Repo.read(file), file.toString());
    }

    static JsonNode parse(String text, String where) {
        LoaderOptions options = new LoaderOptions();
        // Compose refuses a key given twice in one mapping (keys brought in by "<<" may repeat).
        options.setAllowDuplicateKeys(false);
        DumperOptions unused = new DumperOptions();
        org.yaml.snakeyaml.Yaml snake = new org.yaml.snakeyaml.Yaml(new SafeConstructor(options),
                new Representer(unused), unused, options, new CoreSchema());
        try {
            Object document = snake.load(text);
            if (document == null) {
                throw new IllegalStateException(where + " is empty");
            }
            return Yaml.JSON.valueToTree(document);
        } catch (RuntimeException e) {
            throw new IllegalStateException(where + " is not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The services of deploy/compose/compose.yaml, merged. */
    static JsonNode suiteServices() {
        return read(SUITE).path("services");
    }

    /**
     * The Kafka nodes of a compose file's services, in file order: those that set a node id or process
     * roles (a node that lost the shared settings still counts, and fails their checks).
     */
    static List<String> brokers(JsonNode services) {
        List<String> out = new ArrayList<>();
        services.fields().forEachRemaining(e -> {
            JsonNode env = e.getValue().path("environment");
            if (env.has("KAFKA_NODE_ID") || env.has("KAFKA_PROCESS_ROLES")) {
                out.add(e.getKey());
            }
        });
        return out;
    }

    /** A value as the container sees it: "$$" is a literal "$" ("${VAR:-default}" stays as written). */
    static String unescaped(JsonNode value) {
        return value.asText().replace("$$", "$");
    }

    /** A value as it is without an environment: ${VAR:-default} and ${VAR-default} become their default. */
    static String withDefaults(String value) {
        return value.replaceAll("\\$\\{[A-Za-z_][A-Za-z0-9_]*:?-([^}]*)}", "$1");
    }

    /** A service's environment (a mapping), values as the container sees them. */
    static Map<String, String> env(JsonNode services, String service) {
        JsonNode env = services.path(service).path("environment");
        if (!env.isObject()) {
            throw new AssertionError(service + ": environment as a mapping");
        }
        Map<String, String> out = new LinkedHashMap<>();
        env.fields().forEachRemaining(e -> out.put(e.getKey(), unescaped(e.getValue())));
        return out;
    }

    /** A broker variable as the apache/kafka image turns it into a property ("___" -> "-", "__" -> "_", "_" -> "."). */
    static String brokerProperty(String variable) {
        return variable.substring("KAFKA_".length()).replace("___", "\u0001").replace("__", "\u0002").replace('_', '.')
                .replace('\u0001', '-').replace('\u0002', '_').toLowerCase();
    }

    /** The server.properties a broker service's KAFKA_* variables make (the JVM's variables left out). */
    static Map<String, String> brokerProperties(JsonNode services, String broker) {
        Set<String> notProperties = Set.of("KAFKA_OPTS", "KAFKA_HEAP_OPTS", "KAFKA_JMX_OPTS", "KAFKA_LOG4J_OPTS");
        Map<String, String> out = new LinkedHashMap<>();
        env(services, broker).forEach((k, v) -> {
            if (k.startsWith("KAFKA_") && !notProperties.contains(k)) {
                out.put(brokerProperty(k), v);
            }
        });
        return out;
    }

    /** A listeners or advertised.listeners value: listener name (lower case) -> host:port (host may be empty). */
    static Map<String, String> listenerAddresses(String listeners) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String listener : listeners.split(",")) {
            int scheme = listener.indexOf("://");
            if (scheme < 0) {
                throw new AssertionError("not NAME://host:port: " + listener);
            }
            if (out.put(listener.substring(0, scheme).toLowerCase(), listener.substring(scheme + 3)) != null) {
                throw new AssertionError("listener named twice: " + listeners);
            }
        }
        return out;
    }

    /**
     * YAML 1.2's core schema, as Compose's parser resolves plain scalars: only true/false are
     * booleans (SnakeYAML's YAML 1.1 default would read restart: no as false), no sexagesimal
     * numbers (so an unquoted 19092:19092 stays a string) and no timestamps.
     */
    private static final class CoreSchema extends Resolver {
        @Override
        protected void addImplicitResolvers() {
            addImplicitResolver(Tag.BOOL, Pattern.compile("^(?:true|True|TRUE|false|False|FALSE)$"), "tTfF");
            addImplicitResolver(Tag.INT, Pattern.compile("^(?:[-+]?[0-9]+|0x[0-9a-fA-F]+)$"), "-+0123456789");
            addImplicitResolver(Tag.FLOAT, Pattern.compile(
                    "^(?:[-+]?(?:\\.[0-9]+|[0-9]+(?:\\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\\.(?:inf|Inf|INF)|\\.(?:nan|NaN|NAN))$"),
                    "-+0123456789.");
            addImplicitResolver(Tag.MERGE, MERGE, "<");
            addImplicitResolver(Tag.NULL, Pattern.compile("^(?:~|null|Null|NULL)$"), "~nN\0");
            addImplicitResolver(Tag.NULL, EMPTY, null);
        }
    }
}
