package org.linkwork.manifests;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The configuration keys a service really reads: its application.properties (the keys that
 * apply in production, i.e. without a %dev/%test profile) and the {@code @ConfigProperty} names in
 * its own and the platform library's main sources. An environment variable overrides a key when
 * it equals the key with every character other than a letter or digit turned into '_', in upper
 * case (Quarkus' rule: QUARKUS_DATASOURCE_JDBC_URL -> quarkus.datasource.jdbc.url).
 */
final class ServiceConfig {

    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\s*\\(\\s*name\\s*=\\s*\"([^\"]+)\"");

    /** Environment names whose keys are read through Quarkus config (others are the image's or the JVM's). */
    static boolean isConfigOverride(String env) {
        return env.startsWith("QUARKUS_") || env.startsWith("KAFKA_") || env.startsWith("MP_")
                || env.startsWith("LINKWORK_") || env.startsWith("SMALLRYE_");
    }

    /** Variables the service image's entrypoint reads (deploy/containers/service/Dockerfile) rather than config keys. */
    static final Set<String> IMAGE_VARIABLES = Set.of("JAVA_OPTS_APPEND", "JAVA_OPTS");

    static String envName(String key) {
        StringBuilder sb = new StringBuilder();
        for (char c : key.toCharArray()) {
            sb.append(Character.isLetterOrDigit(c) ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    /**
     * Production keys a service is configured with, with their values: the defaults the platform jar ships
     * (its microprofile-config.properties), then the service's application.properties, which wins.
     */
    static Map<String, String> properties(Repo.Service service) {
        Map<String, String> out = new LinkedHashMap<>();
        out.putAll(parse(Repo.read(Repo.ROOT.resolve("platform/src/main/resources/META-INF/microprofile-config.properties"))));
        out.putAll(parse(Repo.read(service.properties())));
        return out;
    }

    /** Slots a PostgreSQL server needs beyond the services' pools: 3 kept for superusers, then the operator and psql. */
    static final int SPARE_CONNECTIONS = 10;

    /** Connections one replica's pool may open: the environment's setting if it has one, else its configuration's. */
    static int poolSize(Repo.Service service, String fromEnvironment) {
        String configured = fromEnvironment != null ? fromEnvironment : properties(service).get("quarkus.datasource.jdbc.max-size");
        if (configured == null) {
            throw new AssertionError(service.name() + ": no quarkus.datasource.jdbc.max-size; Quarkus's default pool grows to 50");
        }
        return Integer.parseInt(configured);
    }

    private static Map<String, String> parse(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            if (key.startsWith("%prod.")) {
                key = key.substring("%prod.".length());
            } else if (key.startsWith("%")) {
                continue;
            }
            out.put(key, line.substring(eq + 1).strip());
        }
        return out;
    }

    static Set<String> keysRead(Repo.Service service) {
        Set<String> keys = new LinkedHashSet<>(properties(service).keySet());
        for (Path sources : List.of(service.sources(), Repo.ROOT.resolve("platform/src/main/java"))) {
            keys.addAll(configPropertyNames(sources));
        }
        return keys;
    }

    /**
     * Keys an extension reads without application.properties naming them, allowed only when the
     * service configures that extension (has keys under the prefix): env name -> (prefix, key).
     */
    static final Map<String, List<String>> EXTENSION_KEYS = Map.of(
            // quarkus-oidc-client: the client-credentials secret must come from the environment.
            "QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET", List.of("quarkus.oidc-client.", "quarkus.oidc-client.credentials.secret"));

    /** Every setting of Kafka's producer and consumer (security settings included). */
    static final Set<String> KAFKA_CLIENT_SETTINGS = kafkaClientSettings();

    private static Set<String> kafkaClientSettings() {
        Set<String> settings = new TreeSet<>(ProducerConfig.configNames());
        settings.addAll(ConsumerConfig.configNames());
        return settings;
    }

    static Set<String> envNamesRead(Repo.Service service) {
        Set<String> keys = keysRead(service);
        Set<String> names = new LinkedHashSet<>();
        for (String key : keys) {
            names.add(envName(key));
        }
        // Quarkus hands every kafka.* key to the service's Kafka clients, turning KAFKA_A_B into
        // a.b, so a KAFKA_ variable is read when it names one of Kafka's client settings.
        if (keys.contains("kafka.bootstrap.servers")) {
            KAFKA_CLIENT_SETTINGS.forEach(setting -> names.add(envName("kafka." + setting)));
        }
        EXTENSION_KEYS.forEach((env, prefixAndKey) -> {
            if (keys.stream().anyMatch(k -> k.startsWith(prefixAndKey.get(0)))) {
                names.add(env);
            }
        });
        return names;
    }

    private static Set<String> configPropertyNames(Path sources) {
        Set<String> names = new LinkedHashSet<>();
        if (!Files.isDirectory(sources)) {
            return names;
        }
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = CONFIG_PROPERTY.matcher(Repo.read(f));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return names;
    }

    /** Topics the service's Kafka channels consume (mp.messaging.incoming.<channel>.topic). */
    static Set<String> consumedTopics(Repo.Service service) {
        Set<String> topics = new LinkedHashSet<>();
        properties(service).forEach((key, value) -> {
            if (key.matches("mp\\.messaging\\.incoming\\.[^.]+\\.topic")) {
                topics.add(value);
            }
        });
        return topics;
    }

    /** Every topic named in the service's Kafka channel configuration, dead-letter topics included. */
    static Set<String> namedTopics(Repo.Service service) {
        Set<String> topics = new LinkedHashSet<>();
        properties(service).forEach((key, value) -> {
            if (key.startsWith("mp.messaging.") && key.endsWith(".topic")) {
                topics.add(value);
            }
        });
        return topics;
    }

    private ServiceConfig() {
    }
}
