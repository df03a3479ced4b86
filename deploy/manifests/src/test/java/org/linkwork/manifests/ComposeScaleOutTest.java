package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * deploy/compose/compose.yaml scaled out as a region runs the suite: replicas of every service,
 * and three KRaft brokers that keep every record on three and acknowledge it on two, so that one
 * replica or one broker can be lost.
 */
class ComposeScaleOutTest {

    private static JsonNode file;
    private static JsonNode services;
    private static List<String> brokers;

    @BeforeAll
    static void parse() {
        file = ComposeFile.read(ComposeFile.SUITE);
        services = file.path("services");
        brokers = ComposeFile.brokers(services);
    }

    @Test
    void everyServiceRunsAtLeastTwoReplicasByDefaultWithNothingTheReplicasCouldNotShare() {
        for (Repo.Service s : Repo.SERVICES) {
            JsonNode service = services.path(s.name());
            String replicas = ComposeFile.withDefaults(service.at("/deploy/replicas").asText());
            assertTrue(replicas.matches("\\d+") && Integer.parseInt(replicas) >= 2,
                    s.name() + ": deploy.replicas " + service.at("/deploy/replicas") + " is not at least 2 by default");
            // A container name or a host port belongs to one container: a second replica could not start.
            assertFalse(service.has("container_name"), s.name() + " sets container_name");
            assertFalse(service.has("ports"), s.name() + " publishes a port; the gateway reaches its replicas by service name");
            assertTrue(service.at("/deploy/resources/limits/memory").asText().matches("\\d+[kKmMgG]?"),
                    s.name() + ": a memory limit per replica, which the image's JVM sizes its heap from");
            assertEquals("unless-stopped", service.path("restart").asText(), s.name() + ": a replica that dies is started again");
        }
    }

    @Test
    void postgresHasAConnectionSlotForEveryPoolOfEveryReplicaAndKeycloak() {
        // A replica whose pool cannot open a connection never becomes ready: seen in CI, when a replica restarted under
        // load met PostgreSQL's default 100 slots already taken by the others' pools.
        int pools = 0;
        for (Repo.Service s : Repo.SERVICES) {
            int replicas = Integer.parseInt(ComposeFile.withDefaults(services.path(s.name()).at("/deploy/replicas").asText()));
            pools += replicas * ServiceConfig.poolSize(s, ComposeFile.env(services, s.name()).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE"));
        }
        String keycloakPool = ComposeFile.env(services, "keycloak").get("KC_DB_POOL_MAX_SIZE");
        assertNotNull(keycloakPool, "keycloak: KC_DB_POOL_MAX_SIZE (its default pool grows to 100)");
        pools += Integer.parseInt(keycloakPool);
        Matcher slots = Pattern.compile("\\bmax_connections=(\\d+)").matcher(services.path("postgres").path("command").toString());
        assertTrue(slots.find(), "postgres: max_connections (the default is 100): " + services.path("postgres").path("command"));
        assertTrue(Integer.parseInt(slots.group(1)) >= pools + ServiceConfig.SPARE_CONNECTIONS,
                "postgres: max_connections " + slots.group(1) + " for pools that grow to " + pools + " connections");
    }

    @Test
    void brokersHaveDistinctNodeIdsAndTheQuorumVotersAreExactlyTheThreeBrokers() {
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers, "three brokers: a quorum that survives losing one");
        Map<String, String> nodeIds = new TreeMap<>();
        for (String broker : brokers) {
            Map<String, String> props = ComposeFile.brokerProperties(services, broker);
            assertEquals("broker,controller", props.get("process.roles"), broker);
            String id = props.get("node.id");
            assertNotNull(id, broker + ": node.id");
            assertFalse(nodeIds.containsKey(id), broker + " has node id " + id + ", as has " + nodeIds.get(id));
            nodeIds.put(id, broker);
        }
        for (String broker : brokers) {
            Map<String, String> props = ComposeFile.brokerProperties(services, broker);
            Map<String, String> voters = new TreeMap<>();
            for (String voter : props.get("controller.quorum.voters").split(",")) {
                Matcher m = Pattern.compile("(\\d+)@([^:]+):(\\d+)").matcher(voter);
                assertTrue(m.matches(), broker + ": voter " + voter);
                assertTrue(brokers.contains(m.group(2)), broker + ": voter " + voter + " is no broker of this file");
                assertEquals(controllerPort(m.group(2)), m.group(3), broker + ": voter " + voter + " is not its controller listener");
                assertNull(voters.put(m.group(1), m.group(2)), broker + ": voter id " + m.group(1) + " twice");
            }
            assertEquals(nodeIds, voters, broker + ": the voters are the brokers, each under its own node id");
        }
    }

    @Test
    void eachBrokerAdvertisesItsOwnNameInsideTheNetworkAndItsOwnPublishedPortOnLocalhost() {
        Set<String> hostPorts = new HashSet<>();
        for (String broker : brokers) {
            Map<String, String> props = ComposeFile.brokerProperties(services, broker);
            Map<String, String> listening = ComposeFile.listenerAddresses(props.get("listeners"));
            Map<String, String> advertised = ComposeFile.listenerAddresses(props.get("advertised.listeners"));
            // Kafka 4 advertises the controller listener too, so a quorum leader is named by a resolvable host.
            assertEquals(Set.of("client", "host", "internal", "controller"), advertised.keySet(), broker + ": every listener");
            for (String listener : List.of("client", "internal", "controller")) {
                assertEquals(broker + ":" + port(listening.get(listener)), advertised.get(listener),
                        broker + ": " + listener + " is reached under its own service name");
            }
            List<String> ports = new ArrayList<>();
            services.path(broker).path("ports").forEach(p -> ports.add(p.asText()));
            assertEquals(1, ports.size(), broker + " publishes its HOST listener only: " + ports);
            Matcher published = Pattern.compile("127\\.0\\.0\\.1:(\\d+):(\\d+)").matcher(ports.get(0));
            assertTrue(published.matches(), broker + ": " + ports.get(0));
            assertEquals(port(listening.get("host")), published.group(2), broker + ": the published port is the HOST listener's");
            assertEquals("localhost:" + published.group(1), advertised.get("host"),
                    broker + ": a client on this machine is sent to this broker's own published port");
            assertTrue(hostPorts.add(published.group(1)), broker + " publishes port " + published.group(1) + " as another broker does");
            String check = services.path(broker).path("healthcheck").path("test").toString();
            assertTrue(check.contains("/dev/tcp/" + advertised.get("internal").replace(':', '/') + "\""),
                    broker + ": its health check asks this broker, not another: " + check);
        }
    }

    @Test
    void brokersKeepEveryRecordOnThreeBrokersAndAcknowledgeItOnTwo() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("default.replication.factor", "3");
        expected.put("min.insync.replicas", "2");
        expected.put("offsets.topic.replication.factor", "3");
        expected.put("transaction.state.log.replication.factor", "3");
        expected.put("transaction.state.log.min.isr", "2");
        for (String broker : brokers) {
            Map<String, String> props = ComposeFile.brokerProperties(services, broker);
            expected.forEach((key, value) -> assertEquals(value, props.get(key), broker + ": " + key));
        }
        assertTrue(3 <= brokers.size(), "replication factor 3 needs three brokers");
    }

    @Test
    void kafkaInitCreatesEveryTopicOnThreeReplicasOnceEveryBrokerIsHealthy() {
        JsonNode init = services.path("kafka-init");
        String script = init.at("/command/0").asText();
        Matcher replication = Pattern.compile("--replication-factor (\\d+)").matcher(script);
        assertTrue(replication.find(), "kafka-init names a replication factor: " + script);
        assertEquals("3", replication.group(1), "kafka-init's --replication-factor");
        assertFalse(replication.find(), "one --replication-factor, in topic()");
        for (String broker : brokers) {
            assertEquals("service_healthy", init.at("/depends_on/" + broker + "/condition").asText(),
                    "kafka-init waits for " + broker + ": a topic on three replicas needs all three");
        }
    }

    @Test
    void theBrokersCertificateNamesEveryBrokerAndLocalhost() {
        String tlsInit = ComposeFile.unescaped(services.at("/tls-init/command/2")).replaceAll("\\\\\n\\s*", "");
        Matcher gencert = Pattern.compile("(?m)^\\s*keytool -gencert .*$").matcher(tlsInit);
        assertTrue(gencert.find(), "tls-init signs the brokers' certificate: " + tlsInit);
        assertTrue(gencert.group().contains("-infile kafka.csr"), "the certificate signed is the brokers': " + gencert.group());
        Matcher san = Pattern.compile("-ext SAN=(\\S+)").matcher(gencert.group());
        assertTrue(san.find(), "no subject alternative names: " + gencert.group());
        Set<String> names = new TreeSet<>();
        for (String entry : san.group(1).split(",")) {
            if (entry.startsWith("dns:")) {
                names.add(entry.substring("dns:".length()));
            }
        }
        Set<String> expected = new TreeSet<>(brokers);
        expected.add("localhost");
        assertEquals(expected, names, "every name a client reaches a broker by (its service name, localhost on this machine)");
        assertFalse(gencert.find(), "one certificate for the brokers");
    }

    @Test
    void eachBrokerKeepsItsLogInItsOwnVolume() {
        Set<String> volumes = new HashSet<>();
        for (String broker : brokers) {
            String logDirs = ComposeFile.brokerProperties(services, broker).get("log.dirs");
            String volume = null;
            for (JsonNode v : services.path(broker).path("volumes")) {
                String[] parts = v.asText().split(":");
                if (parts.length >= 2 && parts[1].equals(logDirs)) {
                    volume = parts[0];
                }
            }
            assertNotNull(volume, broker + ": no volume at log.dirs " + logDirs);
            assertTrue(file.path("volumes").has(volume), broker + ": volume " + volume + " is not declared");
            assertTrue(volumes.add(volume), broker + " shares its log volume " + volume + " with another broker");
        }
    }

    @Test
    void everyBrokerCarriesTheWholeSharedBrokerBlock() {
        // Merge keys are shallow: a broker that sets its own environment without merging the shared
        // one would run without TLS, OAuth or ACL settings.
        JsonNode shared = file.path("x-kafka-broker");
        assertTrue(shared.path("environment").size() > 10, "x-kafka-broker: the shared broker settings");
        for (String broker : brokers) {
            JsonNode service = services.path(broker);
            shared.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("environment")) {
                    assertEquals(e.getValue(), service.path(e.getKey()), broker + ": " + e.getKey());
                }
            });
            shared.path("environment").fields().forEachRemaining(e ->
                    assertEquals(e.getValue().asText(), service.at("/environment/" + e.getKey()).asText(null), broker + ": " + e.getKey()));
        }
    }

    private static String controllerPort(String broker) {
        Map<String, String> props = ComposeFile.brokerProperties(services, broker);
        String controller = props.get("controller.listener.names").toLowerCase();
        return port(ComposeFile.listenerAddresses(props.get("listeners")).get(controller));
    }

    private static String port(String address) {
        assertNotNull(address, "listener address");
        return address.substring(address.lastIndexOf(':') + 1);
    }
}
