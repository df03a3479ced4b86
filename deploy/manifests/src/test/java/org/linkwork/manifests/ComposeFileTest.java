package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** deploy/compose/compose.yaml: the suite for machines with a container engine. */
class ComposeFileTest {

    private static final Path FILE = ComposeFile.SUITE;
    private static final Set<String> CONDITIONS = Set.of("service_started", "service_healthy", "service_completed_successfully");
    private static final Set<String> ONE_SHOT = Set.of("tls-init", "kafka-init");

    private static JsonNode compose;
    private static JsonNode services;

    @BeforeAll
    static void parse() {
        compose = ComposeFile.read(FILE);
        services = compose.path("services");
    }

    @Test
    void composeFileHasTheWholeSuite() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);
        Set<String> expected = new TreeSet<>(Set.of("postgres", "kafka-1", "kafka-2", "kafka-3", "kafka-init", "keycloak", "tls-init", "gateway"));
        Repo.SERVICES.forEach(s -> expected.add(s.name()));
        assertEquals(expected, names);
    }

    @Test
    void infrastructureImagesAreTheOfficialOnesUnlessTheEnvironmentNamesLocalDropIns() {
        Map<String, String> expected = Map.of("postgres", "${LINKWORK_POSTGRES_IMAGE:-postgres:17}",
                "kafka-1", "${LINKWORK_KAFKA_IMAGE:-apache/kafka:4.1.1}",
                "kafka-2", "${LINKWORK_KAFKA_IMAGE:-apache/kafka:4.1.1}",
                "kafka-3", "${LINKWORK_KAFKA_IMAGE:-apache/kafka:4.1.1}",
                "kafka-init", "${LINKWORK_KAFKA_IMAGE:-apache/kafka:4.1.1}",
                "keycloak", "${LINKWORK_KEYCLOAK_IMAGE:-quay.io/keycloak/keycloak:26.4}",
                "tls-init", "${LINKWORK_JRE_IMAGE:-eclipse-temurin:21-jre}");
        expected.forEach((service, image) -> assertEquals(image, services.path(service).path("image").asText(), service));
    }

    @Test
    void everyDependencyExistsWithAValidConditionThatItsTargetCanMeet() {
        services.fields().forEachRemaining(e -> e.getValue().path("depends_on").fields().forEachRemaining(dep -> {
            String where = e.getKey() + " -> " + dep.getKey();
            assertTrue(services.has(dep.getKey()), where + ": no such service");
            String condition = dep.getValue().path("condition").asText();
            assertTrue(CONDITIONS.contains(condition), where + ": condition " + condition);
            JsonNode target = services.get(dep.getKey());
            if (condition.equals("service_healthy")) {
                assertTrue(target.has("healthcheck"), where + ": waits for health but the target has no healthcheck");
            }
            if (condition.equals("service_completed_successfully")) {
                assertEquals("no", target.path("restart").asText("no"), where + ": waits for completion of a restarting service");
                assertTrue(ONE_SHOT.contains(dep.getKey()), where);
            }
        }));
        assertFalse(hasCycle(), "depends_on has a cycle");
    }

    @Test
    void everyLongRunningServiceHasAHealthcheck() {
        services.fields().forEachRemaining(e -> {
            if (!ONE_SHOT.contains(e.getKey())) {
                JsonNode test = e.getValue().path("healthcheck").path("test");
                assertTrue(test.isArray() && test.size() > 1, e.getKey() + " has no healthcheck");
            }
        });
        for (Repo.Service s : Repo.SERVICES) {
            JsonNode svc = services.get(s.name());
            String check = svc.path("healthcheck").path("test").toString();
            assertTrue(check.contains("\"http://127.0.0.1:" + s.port() + "/q/health/ready\""), s.name() + ": " + check);
            for (String dep : List.of("postgres", "keycloak")) {
                assertEquals("service_healthy", svc.at("/depends_on/" + dep + "/condition").asText(), s.name() + " waits for " + dep);
            }
            assertEquals("service_completed_successfully", svc.at("/depends_on/kafka-init/condition").asText(),
                    s.name() + " starts after its topics exist");
            assertEquals("service_healthy", services.at("/gateway/depends_on/" + s.name() + "/condition").asText());
        }
    }

    @Test
    void bindMountsAndBuildContextsExistAndNamedVolumesAreDeclared() {
        services.fields().forEachRemaining(e -> {
            for (JsonNode v : e.getValue().path("volumes")) {
                String source = v.asText().split(":")[0];
                if (source.startsWith(".") || source.startsWith("/")) {
                    assertTrue(Files.exists(Repo.COMPOSE.resolve(source).normalize()), e.getKey() + ": " + source + " does not exist");
                } else {
                    assertTrue(compose.path("volumes").has(source), e.getKey() + ": volume " + source + " is not declared");
                }
            }
            JsonNode build = e.getValue().path("build");
            if (!build.isMissingNode()) {
                Path context = Repo.COMPOSE.resolve(build.path("context").asText(".")).normalize();
                Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                assertTrue(Files.isRegularFile(dockerfile), dockerfile.toString());
                Matcher m = Pattern.compile("(?m)^COPY\\s+(\\S+)\\s+\\S+").matcher(Repo.read(dockerfile));
                while (m.find()) {
                    assertTrue(Files.exists(context.resolve(m.group(1))), "Dockerfile COPY " + m.group(1) + " not in the context");
                }
            }
        });
        assertTrue(services.path("keycloak").path("command").toString().contains("--import-realm"));
        assertTrue(services.path("keycloak").path("volumes").toString().contains("../keycloak:/opt/keycloak/data/import"));
        assertTrue(Files.isRegularFile(Repo.REALM), "the realm the compose Keycloak imports");
    }

    @Test
    void serviceEnvironmentOverridesKeysTheServicesActuallyRead() {
        for (Repo.Service s : Repo.SERVICES) {
            Set<String> read = ServiceConfig.envNamesRead(s);
            JsonNode env = services.get(s.name()).path("environment");
            assertTrue(env.isObject(), s.name() + ": environment as a mapping");
            env.fieldNames().forEachRemaining(name -> {
                if (ServiceConfig.isConfigOverride(name)) {
                    assertTrue(read.contains(name), s.name() + ": " + name + " overrides no key " + s.name() + " reads");
                } else {
                    assertTrue(ServiceConfig.IMAGE_VARIABLES.contains(name), s.name() + ": unexpected " + name);
                }
            });
            assertEquals("jdbc:postgresql://postgres:5432/" + s.database(), env.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
            assertEquals("kafka-1:9092,kafka-2:9092,kafka-3:9092", env.path("KAFKA_BOOTSTRAP_SERVERS").asText(), s.name() + ": every broker");
            assertEquals("https://keycloak:8443/realms/linkwork", env.path("QUARKUS_OIDC_AUTH_SERVER_URL").asText());
        }
        // A demo stack: demo data loads as in the local launcher, by whichever switch the service
        // has (linkwork.demo-data.enabled: the platform's DemoData scripts, or the directory's ORUK
        // import of its demo file; or db/demo in the Flyway locations that %prod leaves out).
        for (Repo.Service s : Repo.SERVICES) {
            Map<String, String> props = ServiceConfig.properties(s);
            JsonNode env = services.at("/" + s.name() + "/environment");
            boolean demoSwitch = props.containsKey("linkwork.demo-data.scripts")
                    || Repo.read(s.properties()).contains("linkwork.demo-data.enabled");
            if (demoSwitch) {
                assertEquals("true", env.path("LINKWORK_DEMO_DATA_ENABLED").asText(), s.name() + " demo data");
            } else if (Repo.read(s.properties()).contains("db/demo")) {
                assertTrue(env.path("QUARKUS_FLYWAY_LOCATIONS").asText().contains("db/demo"), s.name() + " demo data");
            }
            assertFalse(!demoSwitch && env.has("LINKWORK_DEMO_DATA_ENABLED"), s.name());
        }
        // outcomes-service refuses to start with a pseudonym key shorter than the platform's minimum.
        Matcher minimum = Pattern.compile("MINIMUM_SECRET_BYTES\\s*=\\s*(\\d+)").matcher(
                Repo.read(Repo.ROOT.resolve("platform/src/main/java/org/linkwork/platform/pseudonym/Pseudonymiser.java")));
        assertTrue(minimum.find(), "Pseudonymiser.MINIMUM_SECRET_BYTES");
        String pseudonym = services.at("/outcomes-service/environment/LINKWORK_PSEUDONYM_SECRET").asText();
        String pseudonymDefault = pseudonym.substring(pseudonym.indexOf(":-") + 2, pseudonym.length() - 1);
        assertTrue(pseudonymDefault.getBytes(java.nio.charset.StandardCharsets.UTF_8).length >= Integer.parseInt(minimum.group(1)),
                "compose's default pseudonym key is too short for outcomes-service: " + pseudonymDefault);
        JsonNode caseload = services.at("/caseload-service/environment");
        assertEquals("http://activity-directory-service:8082", caseload.path("QUARKUS_REST_CLIENT_DIRECTORY_URL").asText());
        String secret = caseload.path("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET").asText();
        String localDefault = secret.substring(secret.indexOf(":-") + 2, secret.length() - 1);
        String realmSecret = null;
        for (JsonNode c : RealmForKubernetes.localRealm().path("clients")) {
            if (c.path("clientId").asText().equals("caseload-service")) {
                realmSecret = c.path("secret").asText();
            }
        }
        assertEquals(realmSecret, localDefault, "caseload-service's default client secret is the local realm's");
        assertTrue(Repo.read(Repo.COMPOSE.resolve("postgres/init-databases.sh"))
                .contains("for db in referral directory caseload outcomes keycloak"), "one database per service and Keycloak");
    }

    @Test
    void gatewaySetsEveryTemplateVariableAndPointsAtTheServices() {
        JsonNode env = services.at("/gateway/environment");
        for (String var : GatewayTemplateTest.templateVariables()) {
            assertTrue(env.has(var), "compose gateway does not set " + var);
        }
        assertEquals("http://referral-service:8081", env.path("LINKWORK_REFERRAL_URL").asText());
        assertEquals("http://activity-directory-service:8082", env.path("LINKWORK_DIRECTORY_URL").asText());
        assertEquals("http://caseload-service:8083", env.path("LINKWORK_CASELOAD_URL").asText());
        assertEquals("http://outcomes-service:8084", env.path("LINKWORK_OUTCOMES_URL").asText());
        // The reference ICS dashboard is not in compose yet: its route points at a port of the gateway's own loopback
        // where nothing listens, so /dashboard answers 503 problem+json rather than reaching anything else.
        assertEquals("http://127.0.0.1:8085", env.path("LINKWORK_DASHBOARD_URL").asText());
        String hostname = services.at("/keycloak/environment/KC_HOSTNAME").asText();
        assertEquals(hostname + "/realms/linkwork", env.path("LINKWORK_ISSUER").asText(), "issuer = Keycloak's public URL");
    }

    @Test
    void composeCreatesTheSameTopicsAsKubernetesWithTheSamePartitionsRetentionAndReplication() {
        Map<String, String> compose = new TreeMap<>();
        String script = services.at("/kafka-init/command/0").asText();
        Matcher function = Pattern.compile("(?m)^topic\\(\\) \\{ retried /opt/kafka/bin/kafka-topics\\.sh \\$\\$admin --create --if-not-exists "
                + "--replication-factor (\\d+) --topic \"\\$\\$1\" --partitions \"\\$\\$2\" --config retention\\.ms=\"\\$\\$3\" & pids\\+=\\(\\$\\$!\\); }$").matcher(script);
        assertTrue(function.find(), "topic(): " + script);
        String replication = function.group(1);
        // No per-topic setting: compose's topics take min.insync.replicas from every broker's default.
        Set<String> minInSync = new TreeSet<>();
        ComposeFile.brokers(services).forEach(b ->
                minInSync.add(String.valueOf(ComposeFile.brokerProperties(services, b).get("min.insync.replicas"))));
        assertEquals(1, minInSync.size(), "one min.insync.replicas on every broker: " + minInSync);
        Matcher m = Pattern.compile("(?m)^topic (\\S+) (\\d+) (\\d+)$").matcher(script);
        while (m.find()) {
            compose.put(m.group(1), m.group(2) + " partitions, " + m.group(3) + " ms, " + replication + " replicas, min ISR "
                    + minInSync.iterator().next());
        }
        Map<String, String> k8s = new TreeMap<>();
        for (JsonNode t : Yaml.readAll(Repo.K8S.resolve("base/kafka/topics.yaml"))) {
            k8s.put(t.at("/spec/topicName").asText(), t.at("/spec/partitions").asInt() + " partitions, "
                    + t.at("/spec/config/retention.ms").asLong() + " ms, " + t.at("/spec/replicas").asInt() + " replicas, min ISR "
                    + t.at("/spec/config/min.insync.replicas").asText());
        }
        assertEquals(k8s, compose);
        assertEquals(new TreeSet<>(KubernetesManifestsTest.TOPICS), k8s.keySet(), "EventBackbone's topics, no more, no fewer");
        for (String broker : ComposeFile.brokers(services)) {
            assertEquals("false", services.at("/" + broker + "/environment/KAFKA_AUTO_CREATE_TOPICS_ENABLE").asText(), broker);
        }
    }

    @Test
    void publishedPortsListenOnLoopbackOnly() {
        List<String> published = new ArrayList<>();
        services.fields().forEachRemaining(e -> e.getValue().path("ports").forEach(p -> {
            // The short syntax only: the long one's host_ip would need checking field by field.
            assertTrue(p.isTextual(), e.getKey() + ": ports as HOST_IP:HOST:CONTAINER, not " + p);
            assertTrue(p.asText().startsWith("127.0.0.1:"), e.getKey() + " publishes " + p.asText() + " beyond this machine");
            published.add(e.getKey() + " " + p.asText());
        }));
        assertEquals(List.of("kafka-1 127.0.0.1:19092:19092", "kafka-2 127.0.0.1:19093:19093", "kafka-3 127.0.0.1:19094:19094",
                        "keycloak 127.0.0.1:8443:8443", "gateway 127.0.0.1:8080:8080"), published,
                "only the brokers' HOST listeners, Keycloak (tokens) and the gateway, on 127.0.0.1");
        services.fields().forEachRemaining(e -> assertFalse(e.getValue().has("network_mode"),
                e.getKey() + ": network_mode would put it on the host's network, around the published ports"));
    }

    private static boolean hasCycle() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        services.fields().forEachRemaining(e -> {
            List<String> deps = new ArrayList<>();
            e.getValue().path("depends_on").fieldNames().forEachRemaining(deps::add);
            graph.put(e.getKey(), deps);
        });
        Set<String> done = new HashSet<>();
        for (String start : graph.keySet()) {
            if (visit(start, graph, new HashSet<>(), done)) {
                return true;
            }
        }
        return false;
    }

    private static boolean visit(String node, Map<String, List<String>> graph, Set<String> path, Set<String> done) {
        if (done.contains(node)) {
            return false;
        }
        if (!path.add(node)) {
            return true;
        }
        for (String dep : graph.getOrDefault(node, List.of())) {
            if (visit(dep, graph, path, done)) {
                return true;
            }
        }
        path.remove(node);
        done.add(node);
        return false;
    }

    @Test
    void everyYamlFileUnderDeployComposeParses() throws Exception {
        try (var files = Files.walk(Repo.COMPOSE)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).toList()) {
                assertFalse(Yaml.readAll(f).isEmpty(), f.toString());
                assertTrue(ComposeFile.read(f).isObject(), f + " as Compose reads it (anchors, merge keys, no duplicate key)");
            }
        }
        assertNotNull(compose.path("name").asText(null), "project name");
    }
}
