package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/k8s and deploy/compose run exactly the images deploy/containers/build-images.sh makes,
 * tagged with the root POM's version, and their pod specs and services match those images: user,
 * port, readiness path, and JVM flags only in JAVA_OPTS_APPEND (the image's JAVA_OPTS comes first).
 */
class ImagesTest {

    /** The gateway image's Deployment (Kubernetes) and service (compose); every other image's is its own name. */
    private static final Map<String, String> K8S_DEPLOYMENT = Map.of("gateway", "linkwork-gateway");

    /** Variables that would replace the image's JVM flags or put flags outside its order. */
    private static final Set<String> FOREIGN_JVM_VARIABLES = Set.of("JAVA_OPTS", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private static final Map<String, List<ObjectNode>> BUILDS = new LinkedHashMap<>();
    private static JsonNode composeServices;

    @BeforeAll
    static void render() {
        for (String overlay : Repo.OVERLAYS) {
            BUILDS.put(overlay, KustomizeCommand.build(Repo.K8S.resolve("overlays").resolve(overlay)));
        }
        composeServices = ComposeFile.suiteServices();
    }

    static Stream<String> overlays() {
        return Repo.OVERLAYS.stream();
    }

    static Stream<Arguments> overlaysAndServices() {
        return Repo.OVERLAYS.stream().flatMap(o -> Repo.SERVICES.stream().map(s -> Arguments.of(o, s.name())));
    }

    // ---------------------------------------------------------------- the build

    @Test
    void buildScriptMakesAnImageForEveryServiceOnItsPortAndOneForTheGatewayTaggedWithThePomVersion() {
        Map<String, Integer> expected = new LinkedHashMap<>();
        Repo.SERVICES.forEach(s -> expected.put(s.name(), s.port()));
        assertEquals(expected, new LinkedHashMap<>(SuiteImages.servicePorts()), "build-images.sh: services and their ports");
        Set<String> names = new TreeSet<>(expected.keySet());
        names.add("gateway");
        assertEquals(names, SuiteImages.IMAGES.stream().map(SuiteImages.Image::name).collect(Collectors.toCollection(TreeSet::new)),
                "build-images.sh: one image per service and the gateway");
        assertTrue(SuiteImages.VERSION.matches("\\d+\\.\\d+\\.\\d+(-[A-Za-z0-9.]+)?"), "POM version " + SuiteImages.VERSION);
        assertEquals(SuiteImages.VERSION, SuiteImages.scriptVersion(), "build-images.sh reads the root POM's version");
        for (SuiteImages.Image image : SuiteImages.IMAGES) {
            assertTrue(image.dockerfile().toFile().isFile(), image.dockerfile().toString());
        }
        if (Repo.read(SuiteImages.BUILD_SCRIPT).contains("docker-build.sh")) {
            assertTrue(Repo.read(Repo.ROOT.resolve("deploy/containers/docker-build.sh")).contains("\ndocker build \"$@\""),
                    "docker-build.sh hands build-images.sh's arguments to docker build unchanged");
        }
    }

    // ---------------------------------------------------------------- Kubernetes

    @ParameterizedTest
    @MethodSource("overlays")
    void everyLinkworkContainerRunsAnImageTheBuildScriptMakesTaggedWithThePomVersion(String overlay) {
        Set<String> built = SuiteImages.IMAGES.stream().map(SuiteImages.Image::reference).collect(Collectors.toSet());
        Set<String> running = new TreeSet<>();
        for (ObjectNode r : BUILDS.get(overlay)) {
            for (String image : containerImages(r)) {
                if (SuiteImages.isLinkwork(image)) {
                    assertTrue(built.contains(image), overlay + ": " + Yaml.id(r) + " runs " + image
                            + ", which build-images.sh does not make (it makes " + new TreeSet<>(built) + ")");
                    running.add(image);
                }
            }
        }
        assertEquals(new TreeSet<>(built), running, overlay + ": every image the suite builds runs");
        Map<String, ObjectNode> deployments = KustomizeCommand.byName(BUILDS.get(overlay), "Deployment");
        for (SuiteImages.Image image : SuiteImages.IMAGES) {
            ObjectNode deployment = deployments.get(K8S_DEPLOYMENT.getOrDefault(image.name(), image.name()));
            assertNotNull(deployment, overlay + ": no Deployment for " + image.name());
            JsonNode container = deployment.at("/spec/template/spec/containers/0");
            assertEquals(image.reference(), container.path("image").asText(), Yaml.id(deployment));
            // Images loaded onto the nodes (kind, minikube, k3s; deploy/k8s/README.md) are used without a pull.
            assertEquals("IfNotPresent", container.path("imagePullPolicy").asText(), Yaml.id(deployment));
        }
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceRunsAsTheImagesUserOnItsPortAndIsReadyWhenTheImagesHealthCheckPasses(String overlay, String name) {
        SuiteImages.Image image = SuiteImages.named(name);
        ObjectNode deployment = deployment(overlay, name);
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(image.user(), runAsUser(deployment), name + ": runAsUser is the image's USER");
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean(), name + ": runAsNonRoot");
        assertEquals(image.port(), port(container, "http"), name + ": the port the image is built for");
        String health = image.healthPath().orElseThrow(() -> new AssertionError(image.dockerfile() + " has no HEALTHCHECK"));
        assertEquals("/q/health/ready", health, image.dockerfile() + ": readiness, as the load balancer sees it");
        JsonNode readiness = container.at("/readinessProbe/httpGet");
        assertEquals(health, readiness.path("path").asText(), name + ": readinessProbe");
        assertEquals(image.port(), resolvePort(container, readiness.path("port")), name + ": readinessProbe port");
        Map<String, String> env = env(container);
        if (env.containsKey("QUARKUS_HTTP_PORT")) {
            assertEquals(String.valueOf(image.port()), env.get("QUARKUS_HTTP_PORT"), name + ": QUARKUS_HTTP_PORT");
        }
        assertFalse(container.has("command") || container.has("args"), name + ": the image's entrypoint starts the JVM");
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void serviceJvmFlagsAreInJavaOptsAppendAndLeaveTheImagesOwnAlone(String overlay, String name) {
        SuiteImages.Image image = SuiteImages.named(name);
        Map<String, String> env = env(deployment(overlay, name).at("/spec/template/spec/containers/0"));
        assertJvmFlagsOnlyAppended(overlay + " " + name, image, env);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void gatewayRunsAsTheImagesUserAndGroupOnItsPort(String overlay) {
        SuiteImages.Image image = SuiteImages.named("gateway");
        ObjectNode deployment = deployment(overlay, K8S_DEPLOYMENT.get("gateway"));
        JsonNode container = deployment.at("/spec/template/spec/containers/0");
        assertEquals(image.user(), runAsUser(deployment), "gateway runAsUser is the image's USER");
        int group = image.group().orElseThrow(() -> new AssertionError(image.dockerfile() + ": USER names no group"));
        assertEquals(group, deployment.at("/spec/template/spec/securityContext/runAsGroup").asInt(-1), "gateway runAsGroup");
        assertTrue(deployment.at("/spec/template/spec/securityContext/runAsNonRoot").asBoolean(), "gateway runAsNonRoot");
        assertEquals(image.port(), port(container, "http"), "the port the gateway image exposes");
        assertEquals(String.valueOf(image.port()), env(container).get("LINKWORK_GATEWAY_PORT"));
        assertEquals(image.env().get("LINKWORK_GATEWAY_PORT"), String.valueOf(image.port()), image.dockerfile() + ": EXPOSE and its port variable");
        assertFalse(container.has("command") || container.has("args"), "the image's entrypoint (extra CA) runs first");
    }

    // ---------------------------------------------------------------- compose

    @Test
    void composeRunsTheBuiltImagesUnderTheirNamesAndNoOtherLinkworkImage() {
        Set<String> built = SuiteImages.IMAGES.stream().map(SuiteImages.Image::reference).collect(Collectors.toSet());
        for (SuiteImages.Image image : SuiteImages.IMAGES) {
            JsonNode service = composeServices.path(image.name());
            assertFalse(service.isMissingNode(), "compose.yaml has no service " + image.name());
            assertEquals(image.reference(), ComposeFile.withDefaults(service.path("image").asText()), "compose.yaml " + image.name());
        }
        // Extra services (replicas, more brokers) are fine; a Linkwork image under another name or tag is not.
        composeServices.fields().forEachRemaining(e -> {
            String image = ComposeFile.withDefaults(e.getValue().path("image").asText());
            if (!image.isEmpty() && SuiteImages.isLinkwork(image)) {
                assertTrue(built.contains(image), "compose.yaml " + e.getKey() + " runs " + image);
            }
        });
    }

    @Test
    void composeServicesMatchTheirImagesUserReadinessAndJvmFlags() {
        for (SuiteImages.Image image : SuiteImages.IMAGES) {
            JsonNode service = composeServices.path(image.name());
            if (service.has("user")) {
                assertEquals(image.user(), Integer.parseInt(service.get("user").asText().split(":")[0]), image.name() + " user");
            }
            if (image.scriptPort() != null) {
                String check = service.path("healthcheck").path("test").toString();
                assertTrue(check.contains(image.healthPath().orElseThrow()) && check.contains(String.valueOf(image.port())),
                        image.name() + ": its healthcheck asks what the image's does: " + check);
                JsonNode test = service.path("healthcheck").path("test");
                assertEquals("CMD", test.path(0).asText(), image.name() + ": healthcheck runs a program of the image");
                String program = test.path(1).asText();
                assertTrue(Pattern.compile("(?m)^RUN .*apt-get install[^\n]*\\s" + Pattern.quote(program) + "(\\s|$)")
                        .matcher(Repo.read(image.dockerfile())).find(), image.dockerfile() + " installs " + program + ", which "
                        + image.name() + "'s compose healthcheck runs");
                assertJvmFlagsOnlyAppended("compose " + image.name(), image, composeEnv(service));
                assertFalse(service.has("entrypoint") || service.has("command"), image.name() + ": the image's entrypoint starts the JVM");
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /**
     * The JVM flags of a deployment go in JAVA_OPTS_APPEND, which the image's entrypoint puts after its
     * own JAVA_OPTS (heap from the container's memory limit, exit on OutOfMemoryError): no JAVA_OPTS
     * that would drop those, and none of those options set again.
     */
    private static void assertJvmFlagsOnlyAppended(String where, SuiteImages.Image image, Map<String, String> env) {
        for (String variable : FOREIGN_JVM_VARIABLES) {
            assertFalse(env.containsKey(variable), where + " sets " + variable + "; JVM flags belong in JAVA_OPTS_APPEND");
        }
        String append = env.get("JAVA_OPTS_APPEND");
        assertNotNull(append, where + ": JAVA_OPTS_APPEND (truststore, Kafka's allowed OAuth URLs)");
        List<String> flags = Arrays.asList(append.strip().split("\\s+"));
        for (String flag : flags) {
            assertTrue(flag.startsWith("-"), where + ": JAVA_OPTS_APPEND holds JVM options only, not " + flag);
        }
        String imageOpts = image.env().get("JAVA_OPTS");
        assertNotNull(imageOpts, image.dockerfile() + " sets JAVA_OPTS");
        Set<String> imageOptions = Arrays.stream(imageOpts.strip().split("\\s+")).map(ImagesTest::option).collect(Collectors.toSet());
        for (String flag : flags) {
            assertFalse(imageOptions.contains(option(flag)), where + ": " + flag + " overrides the image's own " + imageOpts);
        }
    }

    /** A JVM option without its value: -XX:MaxRAMPercentage=75 and -XX:MaxRAMPercentage=70 are the same option. */
    private static String option(String flag) {
        String name = flag.contains("=") ? flag.substring(0, flag.indexOf('=')) : flag;
        return name.replaceFirst("^-XX:[+-]", "-XX:");
    }

    private static ObjectNode deployment(String overlay, String name) {
        ObjectNode d = KustomizeCommand.byName(BUILDS.get(overlay), "Deployment").get(name);
        assertNotNull(d, overlay + ": no Deployment " + name);
        return d;
    }

    /** Every container image of a resource's pod template (containers and init containers). */
    private static List<String> containerImages(JsonNode resource) {
        List<String> images = new ArrayList<>();
        for (String field : List.of("containers", "initContainers", "ephemeralContainers")) {
            for (JsonNode list : resource.findValues(field)) {
                list.forEach(c -> images.add(c.path("image").asText()));
            }
        }
        return images;
    }

    /** The user a pod's first container runs as: its own securityContext's, else the pod's. */
    private static int runAsUser(ObjectNode deployment) {
        JsonNode container = deployment.at("/spec/template/spec/containers/0/securityContext/runAsUser");
        JsonNode pod = deployment.at("/spec/template/spec/securityContext/runAsUser");
        JsonNode user = container.isMissingNode() ? pod : container;
        assertFalse(user.isMissingNode(), Yaml.id(deployment) + " sets no runAsUser");
        return user.asInt();
    }

    private static Map<String, String> env(JsonNode container) {
        Map<String, String> out = new LinkedHashMap<>();
        container.path("env").forEach(e -> out.put(e.path("name").asText(), e.path("value").asText(null)));
        return out;
    }

    private static Map<String, String> composeEnv(JsonNode service) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode env = service.path("environment");
        if (env.isArray()) {
            env.forEach(e -> {
                String[] kv = e.asText().split("=", 2);
                out.put(kv[0], kv.length > 1 ? kv[1] : null);
            });
        } else {
            env.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        }
        return out;
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode p : container.path("ports")) {
            if (name.equals(p.path("name").asText())) {
                return p.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port named " + name);
    }

    private static int resolvePort(JsonNode container, JsonNode port) {
        return port.isInt() ? port.asInt() : port(container, port.asText());
    }
}
