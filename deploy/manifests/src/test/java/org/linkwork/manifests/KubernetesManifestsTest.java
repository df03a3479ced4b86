package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.linkwork.infra.EventBackbone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s rendered as {@code kubectl apply -k deploy/k8s/overlays/<env>} would send it, and
 * checked against what the services and the operators need.
 */
class KubernetesManifestsTest {

    /** Every topic of the suite, dead-letter topics included: EventBackbone's, which the brokers are made from. */
    static final List<String> TOPICS = EventBackbone.topics();

    /** Secrets the operators write themselves (CloudNativePG: <cluster>-app). */
    private static final Pattern OPERATOR_SECRET = Pattern.compile("[a-z]+-db-app");

    private static final Map<String, List<ObjectNode>> BUILDS = new LinkedHashMap<>();

    @BeforeAll
    static void render() {
        for (String overlay : Repo.OVERLAYS) {
            BUILDS.put(overlay, KustomizeCommand.build(Repo.K8S.resolve("overlays").resolve(overlay)));
        }
    }

    static Stream<String> overlays() {
        return Repo.OVERLAYS.stream();
    }

    static Stream<Arguments> overlaysAndServices() {
        return Repo.OVERLAYS.stream().flatMap(o -> Repo.SERVICES.stream().map(s -> Arguments.of(o, s.name())));
    }

    private static List<ObjectNode> resources(String overlay) {
        return BUILDS.get(overlay);
    }

    private static Map<String, ObjectNode> kind(String overlay, String kind) {
        return KustomizeCommand.byName(resources(overlay), kind);
    }

    private static Repo.Service service(String name) {
        return Repo.SERVICES.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    private static Path relative(Path p) {
        return Repo.ROOT.relativize(p);
    }

    // ---------------------------------------------------------------- files and rendering

    @Test
    void everyYamlFileUnderDeployK8sParsesAndEveryResourceIsNamed() throws IOException {
        List<Path> files = yamlFiles(Repo.K8S);
        assertFalse(files.isEmpty());
        for (Path f : files) {
            for (JsonNode doc : Yaml.readAll(f)) {
                assertTrue(doc.hasNonNull("apiVersion") && doc.hasNonNull("kind"), relative(f) + ": apiVersion and kind");
                if (!f.getFileName().toString().startsWith("kustomization")) {
                    assertFalse(Yaml.name(doc).isBlank(), relative(f) + ": a " + doc.get("kind").asText() + " without a name");
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void overlayRendersWithNamespaceSet(String overlay) {
        List<ObjectNode> resources = resources(overlay);
        assertTrue(resources.size() > 40, overlay + " renders only " + resources.size() + " resources");
        String namespace = Yaml.name(kind(overlay, "Namespace").values().iterator().next());
        for (ObjectNode r : resources) {
            if (!"Namespace".equals(r.path("kind").asText())) {
                assertEquals(namespace, r.path("metadata").path("namespace").asText(), Yaml.id(r));
            }
        }
    }

    @Test
    void everyFileUnderDeployK8sIsUsedByAnOverlay() throws IOException {
        Set<Path> used = new LinkedHashSet<>();
        for (String overlay : Repo.OVERLAYS) {
            used.addAll(Sources.of(Repo.K8S.resolve("overlays").resolve(overlay)).files());
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Repo.K8S)) {
            for (Path f : all.filter(Files::isRegularFile).toList()) {
                if (!f.getFileName().toString().equals("README.md") && !used.contains(f.toAbsolutePath().normalize())) {
                    unused.add(relative(f).toString());
                }
            }
        }
        assertEquals(List.of(), unused, "files no overlay renders (a forgotten 'resources' entry?)");
    }

    /**
     * Kustomize skips a patch whose target matches nothing and an image no container uses: a renamed
     * resource would lose its overlay's changes silently.
     */
    @ParameterizedTest
    @MethodSource("overlays")
    void everyPatchAndImageOfAnOverlayMeetsARenderedResource(String overlay) {
        for (JsonNode kustomization : Sources.of(Repo.K8S.resolve("overlays").resolve(overlay)).kustomizations().values()) {
            for (JsonNode patch : kustomization.path("patches")) {
                JsonNode target = patch.path("target");
                assertTrue(resources(overlay).stream().anyMatch(r -> isTarget(target, r)),
                        overlay + ": patch target " + target + " matches no resource");
            }
            for (JsonNode image : kustomization.path("images")) {
                String wanted = image.path("newName").asText(image.path("name").asText())
                        + (image.has("newTag") ? ":" + image.get("newTag").asText() : "");
                assertTrue(resources(overlay).stream()
                                .flatMap(r -> r.at("/spec/template/spec/containers").findValuesAsText("image").stream())
                                .anyMatch(wanted::equals),
                        overlay + ": no container runs " + wanted);
            }
        }
    }

    @Test
    void aKustomizationKustomizeRefusesFailsTheRenderWithKustomizesMessage(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        Files.writeString(dir.resolve("kustomization.yaml"), """
                resources:
                  - missing-deployment.yaml
                """);
        KustomizeCommand.KustomizeFailed failure =
                assertThrows(KustomizeCommand.KustomizeFailed.class, () -> KustomizeCommand.build(dir));
        assertTrue(failure.getMessage().contains("missing-deployment.yaml"), failure.getMessage());
    }

    /**
     * The kustomization.yaml files reached from an overlay, and every file they are or name:
     * resources, components, patch files and generator files.
     */
    private record Sources(Map<Path, JsonNode> kustomizations, Set<Path> files) {

        static Sources of(Path overlay) {
            Sources sources = new Sources(new LinkedHashMap<>(), new LinkedHashSet<>());
            sources.collect(overlay.toAbsolutePath().normalize());
            return sources;
        }

        private void collect(Path dir) {
            Path file = dir.resolve("kustomization.yaml");
            if (!files.add(file)) {
                return;
            }
            JsonNode k = Yaml.readSingle(file);
            kustomizations.put(file, k);
            List<String> named = new ArrayList<>();
            k.path("resources").forEach(r -> named.add(r.asText()));
            k.path("components").forEach(c -> named.add(c.asText()));
            k.path("patches").forEach(p -> {
                if (p.has("path")) {
                    named.add(p.get("path").asText());
                }
            });
            for (String generators : List.of("configMapGenerator", "secretGenerator")) {
                for (JsonNode g : k.path(generators)) {
                    // A file source is "path" or "key=path".
                    g.path("files").forEach(f -> named.add(f.asText().substring(f.asText().indexOf('=') + 1)));
                    g.path("envs").forEach(e -> named.add(e.asText()));
                }
            }
            for (String ref : named) {
                Path p = dir.resolve(ref).normalize();
                if (Files.isDirectory(p)) {
                    collect(p);
                } else {
                    files.add(p);
                }
            }
        }
    }

    private static boolean isTarget(JsonNode target, ObjectNode resource) {
        String apiVersion = resource.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        return target.path("group").asText(group).equals(group)
                && target.path("kind").asText(resource.path("kind").asText()).equals(resource.path("kind").asText())
                && Yaml.name(resource).matches(target.path("name").asText(".*"));
    }

    // ---------------------------------------------------------------- the four services

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceDeploymentProbesQuarkusHealthAndHasRequestsAndLimits(String overlay, String name) {
        Repo.Service svc = service(name);
        ObjectNode deployment = kind(overlay, "Deployment").get(name);
        assertNotNull(deployment, overlay + ": no Deployment " + name);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(1, deployment.at("/spec/template/spec/containers").size(), "one container");
        assertTrue(container.path("image").asText().startsWith("ghcr.io/linkwork/" + name + ":"), container.path("image").asText());
        assertEquals(svc.port(), containerPort(container, "http"), name + " listens on its DESIGN.md port");

        Map<String, String> probes = Map.of(
                "startupProbe", "/q/health/started",
                "readinessProbe", "/q/health/ready",
                "livenessProbe", "/q/health/live");
        probes.forEach((probe, path) -> {
            JsonNode get = container.path(probe).path("httpGet");
            assertEquals(path, get.path("path").asText(), name + " " + probe);
            assertEquals(svc.port(), resolvePort(container, get.path("port")), name + " " + probe + " port");
        });

        for (String resource : List.of("cpu", "memory")) {
            JsonNode req = container.at("/resources/requests/" + resource);
            JsonNode lim = container.at("/resources/limits/" + resource);
            assertFalse(req.isMissingNode() || lim.isMissingNode(), name + ": " + resource + " request and limit");
            assertTrue(quantity(req.asText()) <= quantity(lim.asText()), name + ": " + resource + " request above limit");
        }
        assertEquals("true", deployment.at("/spec/template/metadata/annotations/prometheus.io~1scrape").asText());
        assertEquals("/q/metrics", deployment.at("/spec/template/metadata/annotations/prometheus.io~1path").asText());
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceHasAServiceAndAnAutoscalerAimedAtItsDeployment(String overlay, String name) {
        Repo.Service svc = service(name);
        ObjectNode deployment = kind(overlay, "Deployment").get(name);
        JsonNode podLabels = deployment.at("/spec/template/metadata/labels");

        ObjectNode service = kind(overlay, "Service").get(name);
        assertNotNull(service, overlay + ": no Service " + name);
        assertTrue(selects(service.at("/spec/selector"), podLabels), "Service " + name + " selects its pods");
        JsonNode port = service.at("/spec/ports/0");
        assertEquals(svc.port(), port.path("port").asInt());
        assertEquals(svc.port(), resolvePort(deployment.at("/spec/template/spec/containers/0"), port.path("targetPort")));

        ObjectNode hpa = kind(overlay, "HorizontalPodAutoscaler").get(name);
        assertNotNull(hpa, overlay + ": no HorizontalPodAutoscaler " + name);
        assertEquals("autoscaling/v2", hpa.path("apiVersion").asText());
        JsonNode target = hpa.path("spec").path("scaleTargetRef");
        assertEquals("Deployment", target.path("kind").asText());
        assertEquals(name, target.path("name").asText());
        int min = hpa.at("/spec/minReplicas").asInt();
        int max = hpa.at("/spec/maxReplicas").asInt();
        assertTrue(min >= 1 && min <= max, "HPA " + min + ".." + max);
        assertTrue(hpa.at("/spec/metrics").size() > 0, "HPA metrics");

        // More consumers than partitions would idle: the autoscaler stops at the smallest
        // partition count of the topics the service consumes.
        for (String topic : ServiceConfig.consumedTopics(svc)) {
            ObjectNode kt = topics(overlay).get(topic);
            assertNotNull(kt, name + " consumes " + topic + " which has no KafkaTopic");
            assertTrue(max <= kt.at("/spec/partitions").asInt(),
                    name + ": maxReplicas " + max + " > partitions of " + topic);
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceIsReachableOnlyFromTheGatewayAndPrometheusAndReachesOnlyItsOwnBackends(String overlay, String name) {
        Repo.Service svc = service(name);
        JsonNode podLabels = kind(overlay, "Deployment").get(name).at("/spec/template/metadata/labels");
        List<ObjectNode> policies = policiesFor(overlay, podLabels);
        assertTrue(policies.stream().anyMatch(p -> Yaml.name(p).equals(name)), name + " has its own NetworkPolicy");

        Set<String> allowedFrom = new TreeSet<>();
        Set<String> allowedTo = new TreeSet<>();
        for (ObjectNode p : policies) {
            for (JsonNode rule : p.at("/spec/ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    allowedFrom.add(peerName(peer));
                }
                for (JsonNode port : rule.path("ports")) {
                    assertEquals(svc.port(), port.path("port").asInt(), name + ": ingress on another port");
                }
            }
            for (JsonNode rule : p.at("/spec/egress")) {
                for (JsonNode peer : rule.path("to")) {
                    allowedTo.add(peerName(peer));
                }
            }
        }
        Set<String> expectedFrom = new TreeSet<>(Set.of("pod app.kubernetes.io/name=linkwork-gateway",
                "namespace kubernetes.io/metadata.name=monitoring + pod app.kubernetes.io/name=prometheus"));
        Set<String> expectedTo = new TreeSet<>(Set.of(
                "pod cnpg.io/cluster=" + svc.database() + "-db",
                "pod strimzi.io/broker-role=true,strimzi.io/cluster=linkwork",
                "pod app.kubernetes.io/instance=linkwork-keycloak,app=keycloak",
                "namespace kubernetes.io/metadata.name=kube-system + pod k8s-app=kube-dns"));
        if (name.equals("activity-directory-service")) {
            expectedFrom.add("pod app.kubernetes.io/name=caseload-service");
        }
        if (name.equals("caseload-service")) {
            // Activity suggestions come from the directory's REST API.
            expectedTo.add("pod app.kubernetes.io/name=activity-directory-service");
        }
        assertEquals(expectedFrom, allowedFrom, name + " ingress peers");
        assertEquals(expectedTo, allowedTo, name + " egress peers");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void namespaceDeniesEverythingByDefault(String overlay) {
        ObjectNode deny = kind(overlay, "NetworkPolicy").get("default-deny");
        assertNotNull(deny);
        assertEquals(0, deny.at("/spec/podSelector").size(), "selects every pod");
        assertEquals(Set.of("Ingress", "Egress"), texts(deny.at("/spec/policyTypes")));
        assertTrue(deny.at("/spec/ingress").isMissingNode() && deny.at("/spec/egress").isMissingNode());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void trafficFromOutsideTheNamespaceReachesOnlyTheGatewayKeycloakPrometheusTargetsAndTheOperator(String overlay) {
        Set<String> open = new TreeSet<>();
        for (ObjectNode p : kind(overlay, "NetworkPolicy").values()) {
            for (JsonNode rule : p.at("/spec/ingress")) {
                if (!rule.has("from")) {
                    open.add(Yaml.name(p) + " <- anyone");
                }
                for (JsonNode peer : rule.path("from")) {
                    if (peer.has("namespaceSelector") || peer.has("ipBlock")) {
                        open.add(Yaml.name(p) + " <- " + peerName(peer));
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(Set.of(
                "linkwork-gateway <- namespace kubernetes.io/metadata.name=ingress-nginx",
                "linkwork-keycloak <- namespace kubernetes.io/metadata.name=ingress-nginx",
                "cnpg-instances <- namespace kubernetes.io/metadata.name=cnpg-system",
                "referral-service <- namespace kubernetes.io/metadata.name=monitoring + pod app.kubernetes.io/name=prometheus",
                "activity-directory-service <- namespace kubernetes.io/metadata.name=monitoring + pod app.kubernetes.io/name=prometheus",
                "caseload-service <- namespace kubernetes.io/metadata.name=monitoring + pod app.kubernetes.io/name=prometheus",
                "outcomes-service <- namespace kubernetes.io/metadata.name=monitoring + pod app.kubernetes.io/name=prometheus")),
                open);
        ObjectNode ingress = kind(overlay, "Ingress").get("linkwork-gateway");
        assertEquals("linkwork-gateway", ingress.at("/spec/rules/0/http/paths/0/backend/service/name").asText());
        assertEquals(1, kind(overlay, "Ingress").size(), "the gateway is the one Ingress (Keycloak's is the operator's)");
    }

    // ---------------------------------------------------------------- configuration the services read

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void environmentOfEachServiceOverridesKeysTheServiceActuallyReads(String overlay, String name) {
        Repo.Service svc = service(name);
        JsonNode container = kind(overlay, "Deployment").get(name).at("/spec/template/spec/containers/0");
        Set<String> read = ServiceConfig.envNamesRead(svc);
        Set<String> declared = new LinkedHashSet<>();
        StringBuilder values = new StringBuilder();
        for (JsonNode env : container.path("env")) {
            declared.add(env.path("name").asText());
            values.append(env.path("value").asText()).append('\n');
        }
        for (String env : declared) {
            if (ServiceConfig.isConfigOverride(env)) {
                assertTrue(read.contains(env), name + ": " + env + " overrides no key that " + name
                        + " reads (application.properties or @ConfigProperty)");
            } else {
                assertTrue(ServiceConfig.IMAGE_VARIABLES.contains(env) || values.toString().contains("$(" + env + ")"),
                        name + ": " + env + " is neither a config key, an image variable nor used by another variable");
            }
        }
        for (String required : List.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
                "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_OIDC_AUTH_SERVER_URL")) {
            assertTrue(declared.contains(required), name + " sets " + required);
        }
        if (name.equals("outcomes-service")) {
            assertTrue(declared.contains("LINKWORK_PSEUDONYM_SECRET"), "the ics-events producer gets its pseudonym key");
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void eachServiceHasItsOwnPostgresClusterAndUsesTheOperatorsSecret(String overlay, String name) {
        Repo.Service svc = service(name);
        String cluster = svc.database() + "-db";
        ObjectNode pg = kind(overlay, "Cluster").get(cluster);
        assertNotNull(pg, overlay + ": no CloudNativePG Cluster " + cluster);
        assertEquals("postgresql.cnpg.io/v1", pg.path("apiVersion").asText());
        assertEquals(svc.database(), pg.at("/spec/bootstrap/initdb/database").asText());
        assertTrue(pg.at("/spec/instances").asInt() >= 1);

        Map<String, JsonNode> env = env(kind(overlay, "Deployment").get(name));
        assertEquals("jdbc:postgresql://" + cluster + "-rw:5432/" + svc.database(),
                env.get("QUARKUS_DATASOURCE_JDBC_URL").path("value").asText(), "primary of its own cluster");
        for (String var : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            assertEquals(cluster + "-app", env.get(var).at("/valueFrom/secretKeyRef/name").asText(), var);
        }
        // The same database name the service uses locally (application.properties' default URL).
        assertTrue(ServiceConfig.properties(svc).get("quarkus.datasource.jdbc.url").endsWith("/" + svc.database()));

        // Every replica the autoscaler may start gets its whole pool.
        int replicas = kind(overlay, "HorizontalPodAutoscaler").get(name).at("/spec/maxReplicas").asInt();
        JsonNode poolSetting = env.get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
        int pools = replicas * ServiceConfig.poolSize(svc, poolSetting == null ? null : poolSetting.path("value").asText());
        int slots = Integer.parseInt(pg.at("/spec/postgresql/parameters/max_connections").asText("100"));
        assertTrue(slots >= pools + ServiceConfig.SPARE_CONNECTIONS, overlay + ": " + cluster + " has max_connections " + slots + " for " + replicas
                + " replicas whose pools grow to " + pools + " connections");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConfigMapKeyReferencedExistsAndEverySecretIsOperatorMadeOrDocumented(String overlay) {
        Map<String, ObjectNode> configMaps = kind(overlay, "ConfigMap");
        Set<String> secrets = new TreeSet<>();
        for (ObjectNode r : resources(overlay)) {
            r.findParents("configMapKeyRef").forEach(parent -> {
                JsonNode ref = parent.get("configMapKeyRef");
                ObjectNode cm = configMaps.get(ref.path("name").asText());
                assertNotNull(cm, Yaml.id(r) + ": ConfigMap " + ref.path("name").asText());
                assertTrue(cm.path("data").has(ref.path("key").asText()), Yaml.id(r) + ": key " + ref.path("key").asText());
            });
            r.findParents("secretKeyRef").forEach(p -> secrets.add(p.get("secretKeyRef").path("name").asText()));
            r.findParents("secretName").forEach(p -> secrets.add(p.get("secretName").asText()));
            r.findParents("tlsSecret").forEach(p -> secrets.add(p.get("tlsSecret").asText()));
            r.findParents("usernameSecret").forEach(p -> secrets.add(p.get("usernameSecret").path("name").asText()));
            r.findParents("passwordSecret").forEach(p -> secrets.add(p.get("passwordSecret").path("name").asText()));
            r.at("/spec/placeholders").forEach(p -> secrets.add(p.at("/secret/name").asText()));
        }
        secrets.remove("");
        String readme = Repo.read(Repo.K8S.resolve("README.md"));
        for (String secret : secrets) {
            if (OPERATOR_SECRET.matcher(secret).matches()) {
                String cluster = secret.substring(0, secret.length() - "-app".length());
                assertTrue(kind(overlay, "Cluster").containsKey(cluster), secret + " comes from Cluster " + cluster);
            } else {
                assertTrue(readme.contains("`" + secret + "`"), "Secret " + secret + " is not documented in deploy/k8s/README.md");
            }
        }
        for (ObjectNode r : resources(overlay)) {
            assertFalse("Secret".equals(r.path("kind").asText()), "no Secret is committed: " + Yaml.id(r));
        }
    }

    // ---------------------------------------------------------------- Kafka

    private static Map<String, ObjectNode> topics(String overlay) {
        Map<String, ObjectNode> out = new LinkedHashMap<>();
        for (ObjectNode t : kind(overlay, "KafkaTopic").values()) {
            out.put(t.at("/spec/topicName").asText(Yaml.name(t)), t);
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicHasAKafkaTopicWithPartitionsReplicasAndRetention(String overlay) {
        Map<String, ObjectNode> topics = topics(overlay);
        assertEquals(new TreeSet<>(TOPICS), new TreeSet<>(topics.keySet()));
        ObjectNode kafka = kind(overlay, "Kafka").get("linkwork");
        assertNotNull(kafka, "Strimzi Kafka linkwork");
        int nodes = kind(overlay, "KafkaNodePool").values().stream()
                .filter(p -> texts(p.at("/spec/roles")).contains("broker"))
                .mapToInt(p -> p.at("/spec/replicas").asInt()).sum();
        for (Map.Entry<String, ObjectNode> e : topics.entrySet()) {
            JsonNode t = e.getValue();
            assertEquals("linkwork", t.at("/metadata/labels/strimzi.io~1cluster").asText(), e.getKey());
            int partitions = t.at("/spec/partitions").asInt();
            int replicas = t.at("/spec/replicas").asInt();
            long retention = t.at("/spec/config/retention.ms").asLong();
            int minIsr = t.at("/spec/config/min.insync.replicas").asInt(1);
            assertTrue(partitions > 0, e.getKey() + " partitions");
            assertTrue(replicas >= 1 && replicas <= nodes, e.getKey() + ": replicas " + replicas + " on " + nodes + " brokers");
            assertTrue(minIsr <= replicas, e.getKey() + " min.insync.replicas");
            assertTrue(retention >= 24L * 3600 * 1000, e.getKey() + ": retention.ms " + retention);
        }
        long ics = topics.get("ics-events").at("/spec/config/retention.ms").asLong();
        topics.forEach((name, t) -> assertTrue(name.equals("ics-events") || t.at("/spec/config/retention.ms").asLong() < ics,
                "ics-events (read by dashboards outside the suite) keeps the longest: " + name));
        if (overlay.equals("production")) {
            topics.forEach((name, t) -> assertTrue(t.at("/spec/config/min.insync.replicas").asInt() < t.at("/spec/replicas").asInt(),
                    name + ": one broker down must not stop acks=all producers"));
        }
        assertFalse(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true), "no stray topics");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaListenerAdmitsTheServicesAndNothingElseOfOurs(String overlay) {
        ObjectNode kafka = kind(overlay, "Kafka").get("linkwork");
        assertEquals(1, kafka.at("/spec/kafka/listeners").size(), "one listener, the services'");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertEquals("linkwork-kafka-bootstrap:" + listener.path("port").asInt(),
                kind(overlay, "ConfigMap").get("linkwork-endpoints").at("/data/kafka-bootstrap-servers").asText());
        JsonNode peers = listener.path("networkPolicyPeers");
        assertEquals(1, peers.size(), "Strimzi allows everyone when no peers are given");
        JsonNode selector = peers.get(0).at("/podSelector/matchLabels");
        for (ObjectNode d : kind(overlay, "Deployment").values()) {
            boolean client = Repo.SERVICES.stream().anyMatch(s -> s.name().equals(Yaml.name(d)));
            assertEquals(client, selects(selector, d.at("/spec/template/metadata/labels")), Yaml.name(d));
        }
    }

    @Test
    void everyTopicTheServicesNameInCodeOrConfigIsDeclared() throws IOException {
        Pattern constant = Pattern.compile("String\\s+TOPIC\\s*=\\s*\"([^\"]+)\"");
        Set<String> used = new TreeSet<>();
        for (Repo.Service svc : Repo.SERVICES) {
            used.addAll(ServiceConfig.namedTopics(svc));
            try (Stream<Path> files = Files.walk(svc.sources())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = constant.matcher(Repo.read(f));
                    while (m.find()) {
                        used.add(m.group(1));
                    }
                }
            }
        }
        assertTrue(used.containsAll(List.of("referral-events", "caseload-events",
                EventBackbone.deadLetterTopic("caseload-events", "referral-service"))), used.toString());
        Set<String> undeclared = new TreeSet<>(used);
        undeclared.removeAll(TOPICS);
        assertEquals(Set.of(), undeclared, "topics the services use but EventBackbone (and so deploy/k8s) does not declare");
    }

    // ---------------------------------------------------------------- Keycloak and the gateway

    @ParameterizedTest
    @MethodSource("overlays")
    void keycloakRunsFromTheOperatorOnItsOwnDatabaseWithTheIssuerTheServicesExpect(String overlay) {
        ObjectNode kc = kind(overlay, "Keycloak").get("linkwork-keycloak");
        assertNotNull(kc);
        assertEquals("k8s.keycloak.org/v2alpha1", kc.path("apiVersion").asText());
        String dbHost = kc.at("/spec/db/host").asText();
        assertTrue(dbHost.endsWith("-rw"), dbHost);
        ObjectNode db = kind(overlay, "Cluster").get(dbHost.substring(0, dbHost.length() - 3));
        assertNotNull(db, "Keycloak's database cluster");
        assertEquals(kc.at("/spec/db/database").asText(), db.at("/spec/bootstrap/initdb/database").asText());
        assertTrue(Repo.SERVICES.stream().noneMatch(s -> (s.database() + "-db-rw").equals(dbHost)), "not a service's database");

        JsonNode endpoints = kind(overlay, "ConfigMap").get("linkwork-endpoints").path("data");
        assertEquals(kc.at("/spec/hostname/hostname").asText() + "/realms/linkwork", endpoints.path("oidc-issuer").asText(),
                "tokens carry the public issuer");
        assertTrue(kc.at("/spec/hostname/backchannelDynamic").asBoolean(), "in-cluster discovery keeps the public issuer");
        assertEquals("https://" + Yaml.name(kc) + "-service:8443/realms/linkwork", endpoints.path("oidc-auth-server-url").asText());
        assertEquals(endpoints.path("oidc-auth-server-url").asText() + "/protocol/openid-connect/certs",
                endpoints.path("oidc-jwks-uri").asText());

        ObjectNode realmImport = kind(overlay, "KeycloakRealmImport").get("linkwork-realm");
        assertNotNull(realmImport);
        assertEquals(Yaml.name(kc), realmImport.at("/spec/keycloakCRName").asText());
        assertEquals("linkwork", realmImport.at("/spec/realm/realm").asText());
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gatewaySetsEveryVariableOfTheTemplateAndRoutesToTheServices(String overlay) {
        ObjectNode gateway = kind(overlay, "Deployment").get("linkwork-gateway");
        assertNotNull(gateway);
        Map<String, JsonNode> env = env(gateway);
        for (String var : GatewayTemplateTest.templateVariables()) {
            assertTrue(env.containsKey(var), "the gateway Deployment does not set " + var + " that the template uses");
        }
        Map<String, String> urls = Map.of(
                "LINKWORK_REFERRAL_URL", "referral-service",
                "LINKWORK_DIRECTORY_URL", "activity-directory-service",
                "LINKWORK_CASELOAD_URL", "caseload-service",
                "LINKWORK_OUTCOMES_URL", "outcomes-service");
        urls.forEach((var, name) -> assertEquals("http://" + name + ":" + service(name).port(), env.get(var).path("value").asText(), var));
        // The reference ICS dashboard is not in this base yet: its route points at a port of the gateway pod's own
        // loopback where nothing listens, so /dashboard answers 503 problem+json rather than reaching anything else.
        assertEquals("http://127.0.0.1:8085", env.get("LINKWORK_DASHBOARD_URL").path("value").asText());
        assertEquals("oidc-jwks-uri", env.get("LINKWORK_JWKS_URI").at("/valueFrom/configMapKeyRef/key").asText());
        assertEquals("oidc-issuer", env.get("LINKWORK_ISSUER").at("/valueFrom/configMapKeyRef/key").asText());

        JsonNode container = gateway.at("/spec/template/spec/containers/0");
        int port = Integer.parseInt(env.get("LINKWORK_GATEWAY_PORT").path("value").asText());
        assertEquals(port, containerPort(container, "http"));
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals(port, resolvePort(container, container.path(probe).path("httpGet").path("port")), probe);
        }
        assertFalse(container.at("/resources/limits/memory").isMissingNode());
        ObjectNode config = kind(overlay, "ConfigMap").get("linkwork-gateway-config");
        assertEquals(Repo.read(Repo.GATEWAY_COPY), config.at("/data/linkwork-gateway.conf").asText());
        assertTrue(kind(overlay, "HorizontalPodAutoscaler").containsKey("linkwork-gateway"));
        assertTrue(kind(overlay, "Service").containsKey("linkwork-gateway"));
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void caseloadCallsTheDirectoryServiceWithItsOwnClientSecret(String overlay) {
        Map<String, JsonNode> env = env(kind(overlay, "Deployment").get("caseload-service"));
        String url = env.get("QUARKUS_REST_CLIENT_DIRECTORY_URL").path("value").asText();
        ObjectNode directory = kind(overlay, "Service").get("activity-directory-service");
        assertEquals("http://" + Yaml.name(directory) + ":" + directory.at("/spec/ports/0/port").asInt(), url);
        JsonNode secret = env.get("QUARKUS_OIDC_CLIENT_CREDENTIALS_SECRET").at("/valueFrom/secretKeyRef");
        assertEquals(RealmForKubernetes.CLIENT_SECRETS, secret.path("name").asText());
        String clientId = ServiceConfig.properties(service("caseload-service")).get("quarkus.oidc-client.client-id");
        assertEquals(clientId, secret.path("key").asText(), "the secret of the client it authenticates as");
        JsonNode placeholder = kind(overlay, "KeycloakRealmImport").get("linkwork-realm")
                .at("/spec/placeholders/" + RealmForKubernetes.placeholder(clientId) + "/secret");
        assertEquals(secret, placeholder, "Keycloak gets the same secret");
    }

    // ---------------------------------------------------------------- helpers

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
    }

    static Map<String, JsonNode> env(ObjectNode deployment) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        for (JsonNode e : deployment.at("/spec/template/spec/containers/0/env")) {
            out.put(e.path("name").asText(), e);
        }
        return out;
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static int resolvePort(JsonNode container, JsonNode port) {
        return port.isInt() ? port.asInt() : containerPort(container, port.asText());
    }

    private static boolean selects(JsonNode selector, JsonNode labels) {
        if (selector.size() == 0) {
            return true;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = selector.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.path(e.getKey()).asText(null))) {
                return false;
            }
        }
        return true;
    }

    private static List<ObjectNode> policiesFor(String overlay, JsonNode podLabels) {
        List<ObjectNode> out = new ArrayList<>();
        for (ObjectNode p : kind(overlay, "NetworkPolicy").values()) {
            JsonNode selector = p.at("/spec/podSelector");
            assertTrue(selector.path("matchExpressions").isMissingNode(), "matchLabels only: " + Yaml.name(p));
            if (selects(selector.path("matchLabels"), podLabels)) {
                out.add(p);
            }
        }
        return out;
    }

    private static String peerName(JsonNode peer) {
        List<String> parts = new ArrayList<>();
        if (peer.has("namespaceSelector")) {
            parts.add("namespace " + labels(peer.at("/namespaceSelector/matchLabels")));
        }
        if (peer.has("podSelector")) {
            parts.add("pod " + labels(peer.at("/podSelector/matchLabels")));
        }
        if (peer.has("ipBlock")) {
            parts.add("ip " + peer.at("/ipBlock/cidr").asText());
        }
        return String.join(" + ", parts);
    }

    private static String labels(JsonNode matchLabels) {
        Set<String> out = new TreeSet<>();
        matchLabels.fields().forEachRemaining(e -> out.add(e.getKey() + "=" + e.getValue().asText()));
        return String.join(",", out);
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new LinkedHashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A Kubernetes quantity in base units (cores or bytes). */
    static double quantity(String q) {
        Matcher m = Pattern.compile("([0-9.]+)(m|Ki|Mi|Gi|Ti|k|M|G)?").matcher(q);
        assertTrue(m.matches(), "quantity " + q);
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "" : m.group(2);
        return switch (unit) {
            case "m" -> v / 1000;
            case "Ki" -> v * 1024;
            case "Mi" -> v * 1024 * 1024;
            case "Gi" -> v * 1024 * 1024 * 1024;
            case "Ti" -> v * 1024d * 1024 * 1024 * 1024;
            case "k" -> v * 1e3;
            case "M" -> v * 1e6;
            case "G" -> v * 1e9;
            default -> v;
        };
    }
}
