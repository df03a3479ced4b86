package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Evaluates the rendered NetworkPolicies the way a CNI does (a connection needs an egress rule
 * of the client's policies and an ingress rule of the server's, once any policy selects the pod
 * for that direction) for the connections the suite needs and for some it must not have.
 * Pods the operators make are described by the labels those operators set.
 */
class NetworkPolicyConnectivityTest {

    private static final Map<String, Map<String, String>> PODS = new LinkedHashMap<>();
    private static List<ObjectNode> policies;

    @BeforeAll
    static void render() {
        List<ObjectNode> resources = KustomizeCommand.build(Repo.K8S.resolve("overlays/production"));
        policies = new ArrayList<>(KustomizeCommand.byName(resources, "NetworkPolicy").values());
        Map<String, ObjectNode> deployments = KustomizeCommand.byName(resources, "Deployment");
        for (String name : List.of("linkwork-gateway", "referral-service", "activity-directory-service",
                "caseload-service", "outcomes-service")) {
            ObjectNode d = deployments.get(name);
            assertNotNull(d, name);
            PODS.put(name, labels(d.at("/spec/template/metadata/labels")));
        }
        for (String db : List.of("referral", "directory", "caseload", "outcomes", "keycloak")) {
            PODS.put(db + "-db", Map.of("cnpg.io/cluster", db + "-db", "cnpg.io/podRole", "instance",
                    "cnpg.io/instanceRole", "primary"));
        }
        PODS.put("kafka", Map.of("strimzi.io/cluster", "linkwork", "strimzi.io/kind", "Kafka",
                "strimzi.io/name", "linkwork-kafka", "strimzi.io/broker-role", "true", "strimzi.io/controller-role", "true"));
        PODS.put("keycloak", Map.of("app", "keycloak", "app.kubernetes.io/instance", "linkwork-keycloak",
                "app.kubernetes.io/managed-by", "keycloak-operator"));
        PODS.put("realm-import-job", Map.of("batch.kubernetes.io/job-name", "linkwork-realm", "job-name", "linkwork-realm"));
    }

    @Test
    void theConnectionsTheSuiteNeedsAreAllowed() {
        Map<String, Integer> services = Map.of("referral-service", 8081, "activity-directory-service", 8082,
                "caseload-service", 8083, "outcomes-service", 8084);
        services.forEach((svc, port) -> {
            assertAllowed("linkwork-gateway", svc, port);
            assertAllowed(svc, "keycloak", 8443);
            assertEgress(svc, "kafka", 9093);
            String db = Repo.SERVICES.stream().filter(s -> s.name().equals(svc)).findFirst().orElseThrow().database();
            assertAllowed(svc, db + "-db", 5432);
        });
        assertAllowed("linkwork-gateway", "keycloak", 8443);
        assertAllowed("caseload-service", "activity-directory-service", 8082);
        assertAllowed("keycloak", "keycloak-db", 5432);
        assertAllowed("keycloak", "keycloak", 7800);
        assertAllowed("realm-import-job", "keycloak-db", 5432);
        assertAllowed("referral-db", "referral-db", 5432);
        assertEgress("kafka", "kafka", 9091);
        // The brokers check the clients' OAuth tokens against Keycloak's signature keys.
        assertAllowed("kafka", "keycloak", 8443);
    }

    @Test
    void servicesCannotReachEachOthersDataOrEachOtherExceptForSuggestions() {
        assertDenied("referral-service", "caseload-db", 5432);
        assertDenied("outcomes-service", "referral-db", 5432);
        assertDenied("caseload-service", "directory-db", 5432);
        assertDenied("activity-directory-service", "keycloak-db", 5432);
        assertDenied("referral-service", "caseload-service", 8083);
        assertDenied("outcomes-service", "referral-service", 8081);
        assertDenied("activity-directory-service", "caseload-service", 8083);
        assertDenied("referral-service", "linkwork-gateway", 8080);
        assertDenied("linkwork-gateway", "referral-db", 5432);
        assertDenied("linkwork-gateway", "kafka", 9093);
        assertDenied("kafka", "referral-db", 5432);
        assertDenied("kafka", "keycloak-db", 5432);
        assertDenied("caseload-service", "activity-directory-service", 5432);
        assertDenied("keycloak", "referral-service", 8081);
    }

    @Test
    void eachDatabaseAdmitsOnlyItsOwnerEvenIfAnotherPodsEgressWereOpened() {
        for (Repo.Service owner : Repo.SERVICES) {
            for (String other : List.of("linkwork-gateway", "referral-service", "activity-directory-service",
                    "caseload-service", "outcomes-service", "keycloak")) {
                if (!other.equals(owner.name())) {
                    assertEquals(false, ingress(other, owner.database() + "-db", 5432),
                            owner.database() + "-db admits " + other);
                }
            }
            assertEquals(true, ingress(owner.name(), owner.database() + "-db", 5432));
            assertEquals(false, ingress(owner.name(), "keycloak-db", 5432), "keycloak-db admits " + owner.name());
        }
    }

    private static void assertAllowed(String from, String to, int port) {
        assertEquals(true, egress(from, to, port) && ingress(from, to, port), from + " -> " + to + ":" + port);
    }

    private static void assertEgress(String from, String to, int port) {
        // The server's ingress side is written by its operator (Strimzi); only our egress is ours.
        assertEquals(true, egress(from, to, port), from + " -> " + to + ":" + port + " (egress)");
    }

    private static void assertDenied(String from, String to, int port) {
        boolean strimziIngress = to.equals("kafka");
        boolean allowed = egress(from, to, port) && (strimziIngress || ingress(from, to, port));
        assertEquals(false, allowed, from + " -> " + to + ":" + port + " must be denied");
    }

    private static boolean egress(String from, String to, int port) {
        return allows(PODS.get(from), "Egress", "egress", "to", PODS.get(to), port);
    }

    private static boolean ingress(String from, String to, int port) {
        return allows(PODS.get(to), "Ingress", "ingress", "from", PODS.get(from), port);
    }

    /** Whether the policies selecting {@code pod} for {@code type} let it talk to {@code peer} on {@code port}. */
    private static boolean allows(Map<String, String> pod, String type, String rules, String peers,
                                  Map<String, String> peer, int port) {
        boolean selected = false;
        for (ObjectNode p : policies) {
            if (!matches(p.at("/spec/podSelector/matchLabels"), pod) || !types(p).contains(type)) {
                continue;
            }
            selected = true;
            for (JsonNode rule : p.at("/spec/" + rules)) {
                if (!portMatches(rule.path("ports"), port)) {
                    continue;
                }
                if (!rule.has(peers)) {
                    return true;
                }
                for (JsonNode peerSelector : rule.get(peers)) {
                    // Peers with a namespaceSelector are other namespaces (everything here is in one).
                    if (!peerSelector.has("namespaceSelector") && !peerSelector.has("ipBlock")
                            && matches(peerSelector.at("/podSelector/matchLabels"), peer)) {
                        return true;
                    }
                }
            }
        }
        return !selected;
    }

    private static List<String> types(ObjectNode policy) {
        List<String> out = new ArrayList<>();
        policy.at("/spec/policyTypes").forEach(t -> out.add(t.asText()));
        if (out.isEmpty()) {
            out.add("Ingress");
        }
        return out;
    }

    private static boolean portMatches(JsonNode ports, int port) {
        if (ports.isMissingNode() || ports.isEmpty()) {
            return true;
        }
        for (JsonNode p : ports) {
            if (!p.has("port") || p.get("port").asInt() == port) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(JsonNode matchLabels, Map<String, String> labels) {
        for (Iterator<Map.Entry<String, JsonNode>> it = matchLabels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().asText().equals(labels.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> labels(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), e.getValue().asText()));
        return out;
    }
}
