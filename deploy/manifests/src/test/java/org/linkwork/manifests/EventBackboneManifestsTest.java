package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkwork.infra.EventBackbone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The event backbone is secured the same way wherever the manifests run it: TLS on every Kafka
 * listener, clients authenticated by SASL OAUTHBEARER with the realm's client-credentials tokens
 * (principal = the token's azp, audience kafka), and ACLs granting each client exactly what
 * {@link EventBackbone} says, in Kubernetes (Strimzi) and in compose.
 */
class EventBackboneManifestsTest {

    private static final String ALLOWED_URLS = "-Dorg.apache.kafka.sasl.oauthbearer.allowed.urls=";
    private static final String TOKEN_PATH = "/protocol/openid-connect/token";
    private static final String JWKS_PATH = "/protocol/openid-connect/certs";

    /** Keycloak's self-signed certificate in compose, made by tls-init beside the key Keycloak serves. */
    private static final String KEYCLOAK_CERTIFICATE = "/tls/keycloak.crt";

    private static final Map<String, List<ObjectNode>> BUILDS = new LinkedHashMap<>();
    private static JsonNode compose;

    @BeforeAll
    static void render() {
        for (String overlay : Repo.OVERLAYS) {
            BUILDS.put(overlay, KustomizeCommand.build(Repo.K8S.resolve("overlays").resolve(overlay)));
        }
        compose = ComposeFile.suiteServices();
    }

    static Stream<String> overlays() {
        return Repo.OVERLAYS.stream();
    }

    static Stream<Arguments> overlaysAndServices() {
        return Repo.OVERLAYS.stream().flatMap(o -> Repo.SERVICES.stream().map(s -> Arguments.of(o, s.name())));
    }

    private static Map<String, ObjectNode> kind(String overlay, String kind) {
        return KustomizeCommand.byName(BUILDS.get(overlay), kind);
    }

    /**
     * What EventBackbone grants, one line per (principal, resource, operation), as the test and local
     * brokers grant it: Write on each topic a client writes, Read on each it reads (both imply
     * Describe), Read on its consumer group; no Create (topics are the operators' to make).
     */
    static Set<String> expectedAcls() {
        Set<String> acls = new TreeSet<>();
        for (EventBackbone.Client client : EventBackbone.CLIENTS) {
            String principal = "User:" + client.clientId();
            client.writes().forEach(topic -> acls.add(acl(principal, "topic", "literal", topic, "Write")));
            client.reads().forEach(topic -> acls.add(acl(principal, "topic", "literal", topic, "Read")));
            if (client.consumes()) {
                acls.add(acl(principal, "group", client.groupPrefixed() ? "prefixed" : "literal", client.group(), "Read"));
            }
        }
        return acls;
    }

    private static String acl(String principal, String type, String pattern, String name, String operation) {
        return principal + " " + type.toLowerCase() + ":" + pattern.toLowerCase() + ":" + name + " " + operation.toLowerCase();
    }

    // ---------------------------------------------------------------- Kubernetes (Strimzi)

    @ParameterizedTest
    @MethodSource("overlays")
    void everyKafkaListenerIsTlsAndAcceptsOnlyKeycloakTokensMeantForKafka(String overlay) {
        ObjectNode kafka = kind(overlay, "Kafka").get("linkwork");
        JsonNode endpoints = kind(overlay, "ConfigMap").get("linkwork-endpoints").path("data");
        String keycloakTls = kind(overlay, "Keycloak").get("linkwork-keycloak").at("/spec/http/tlsSecret").asText();
        JsonNode listeners = kafka.at("/spec/kafka/listeners");
        assertTrue(listeners.size() > 0, "listeners");
        for (JsonNode listener : listeners) {
            String name = listener.path("name").asText();
            assertTrue(listener.path("tls").asBoolean(false), name + ": tls: true");
            JsonNode auth = listener.path("authentication");
            assertEquals("oauth", auth.path("type").asText(), name + ": OAuth authentication");
            assertEquals(endpoints.path("oidc-issuer").asText(), auth.path("validIssuerUri").asText(),
                    name + ": the issuer tokens carry (Keycloak's public URL)");
            assertTrue(auth.path("checkIssuer").asBoolean(true), name + ": issuer checked");
            assertEquals(endpoints.path("oidc-jwks-uri").asText(), auth.path("jwksEndpointUri").asText(), name + ": JWKS");
            assertFalse(auth.has("introspectionEndpointUri") || auth.path("enablePlain").asBoolean(false),
                    name + ": JWT validation only, no SASL PLAIN");
            assertEquals(keycloakTls, auth.at("/tlsTrustedCertificates/0/secretName").asText(),
                    name + ": trusts the CA of Keycloak's certificate");
            assertEquals("azp", auth.path("userNameClaim").asText(), name + ": principal = the client id");
            assertFalse(auth.has("fallbackUserNameClaim"), name + ": no other principal");
            assertTrue(auth.path("checkAudience").asBoolean(false), name + ": audience checked");
            assertEquals("kafka", auth.path("clientId").asText(), name + ": the audience tokens must carry");
        }
        assertEquals("simple", kafka.at("/spec/kafka/authorization/type").asText(), "ACLs (KafkaUser) decide");
        assertTrue(kafka.at("/spec/kafka/authorization/superUsers").isMissingNode(), "no super user of ours");
        assertFalse(kafka.at("/spec/kafka/config/allow.everyone.if.no.acl.found").asBoolean(true), "no ACL = no access");
        assertFalse(kafka.at("/spec/kafka/config/auto.create.topics.enable").asBoolean(true), "no stray topics");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void kafkaUsersGrantEachClientExactlyWhatEventBackboneSays(String overlay) {
        Map<String, ObjectNode> users = kind(overlay, "KafkaUser");
        Set<String> clients = new TreeSet<>();
        EventBackbone.CLIENTS.forEach(c -> clients.add(c.clientId()));
        assertEquals(clients, new TreeSet<>(users.keySet()), "one KafkaUser per client, named by its client id");
        Set<String> granted = new TreeSet<>();
        for (ObjectNode user : users.values()) {
            String name = Yaml.name(user);
            assertEquals("linkwork", user.at("/metadata/labels/strimzi.io~1cluster").asText(), name);
            assertTrue(user.at("/spec/authentication").isMissingNode(), name + ": OAuth authenticates, no credentials");
            assertEquals("simple", user.at("/spec/authorization/type").asText(), name);
            for (JsonNode rule : user.at("/spec/authorization/acls")) {
                assertEquals("allow", rule.path("type").asText("allow"), name + ": allow rules only");
                assertEquals("*", rule.path("host").asText("*"), name);
                assertFalse(rule.has("operation"), name + ": 'operations' (the singular form is deprecated)");
                JsonNode resource = rule.path("resource");
                String pattern = resource.path("patternType").asText("literal").equals("prefix") ? "prefixed"
                        : resource.path("patternType").asText("literal");
                for (JsonNode op : rule.path("operations")) {
                    granted.add(acl("User:" + name, resource.path("type").asText(), pattern,
                            resource.path("name").asText(), op.asText()));
                }
            }
        }
        assertEquals(expectedAcls(), granted);
    }

    @ParameterizedTest
    @MethodSource("overlaysAndServices")
    void eachServiceReachesKafkaOverTlsWithItsOwnClientCredentials(String overlay, String name) {
        ObjectNode deployment = kind(overlay, "Deployment").get(name);
        Map<String, JsonNode> env = KubernetesManifestsTest.env(deployment);
        JsonNode endpoints = kind(overlay, "ConfigMap").get("linkwork-endpoints").path("data");
        for (String var : List.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL",
                "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET", "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SASL_JAAS_CONFIG",
                "JAVA_OPTS_APPEND")) {
            assertTrue(env.containsKey(var), name + " sets " + var);
        }

        String tokenEndpoint = value(overlay, env.get("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL"));
        assertEquals(endpoints.path("oidc-auth-server-url").asText() + TOKEN_PATH, tokenEndpoint, name + ": token endpoint");

        JsonNode secret = env.get("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET").at("/valueFrom/secretKeyRef");
        assertEquals(RealmForKubernetes.CLIENT_SECRETS, secret.path("name").asText(), name);
        assertEquals(name, secret.path("key").asText(), name + " authenticates as its own client");
        JsonNode placeholder = kind(overlay, "KeycloakRealmImport").get("linkwork-realm")
                .at("/spec/placeholders/" + RealmForKubernetes.placeholder(name) + "/secret");
        assertEquals(secret, placeholder, "Keycloak gets the same secret");

        // The brokers' certificates are trusted through the cluster CA, from the Secret Strimzi writes;
        // the token endpoint's (the login module's options) through the CA of Keycloak's certificate.
        JsonNode pod = deployment.at("/spec/template/spec");
        String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION").path("value").asText();
        assertEquals("linkwork-cluster-ca-cert/ca.crt", mountedSecretFile(pod, truststore),
                name + ": " + truststore + " is Strimzi's cluster CA");
        String keycloakTls = kind(overlay, "Keycloak").get("linkwork-keycloak").at("/spec/http/tlsSecret").asText();
        assertEquals(keycloakTls + "/ca.crt", mountedSecretFile(pod, loginModuleTruststore(env.get("KAFKA_SASL_JAAS_CONFIG")
                .path("value").asText())), name + ": the token endpoint is trusted through Keycloak's CA");

        // Kafka 4 fetches no OAuth URL the JVM's allow-list does not name.
        String javaOpts = resolve(overlay, env, env.get("JAVA_OPTS_APPEND").path("value").asText());
        assertTrue(allowedUrls(javaOpts).contains(tokenEndpoint), name + ": allowed URLs " + javaOpts);
    }

    /** "secret/key" of the Secret item mounted at {@code path} in the pod's container, or null. */
    private static String mountedSecretFile(JsonNode pod, String path) {
        for (JsonNode mount : pod.at("/containers/0/volumeMounts")) {
            String dir = mount.path("mountPath").asText() + "/";
            if (!path.startsWith(dir)) {
                continue;
            }
            for (JsonNode volume : pod.path("volumes")) {
                if (volume.path("name").asText().equals(mount.path("name").asText())) {
                    for (JsonNode item : volume.at("/secret/items")) {
                        if (item.path("path").asText().equals(path.substring(dir.length()))) {
                            return volume.at("/secret/secretName").asText() + "/" + item.path("key").asText();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** The PEM truststore an OAUTHBEARER login module entry names for its https calls (token endpoint, JWKS). */
    private static String loginModuleTruststore(String jaas) {
        Matcher m = Pattern.compile("^org\\.apache\\.kafka\\.common\\.security\\.oauthbearer\\.OAuthBearerLoginModule required "
                + "ssl\\.truststore\\.type=\"PEM\" ssl\\.truststore\\.location=\"([^\"]+)\";$").matcher(jaas.strip());
        assertTrue(m.matches(), "login module: " + jaas);
        return m.group(1);
    }

    /** The value of a container variable: literal or from a ConfigMap. */
    private static String value(String overlay, JsonNode var) {
        assertNotNull(var, "variable");
        JsonNode ref = var.at("/valueFrom/configMapKeyRef");
        if (ref.isMissingNode()) {
            return var.path("value").asText();
        }
        return kind(overlay, "ConfigMap").get(ref.path("name").asText()).path("data").path(ref.path("key").asText()).asText();
    }

    /** Kubernetes' $(VAR) expansion of earlier variables. */
    private static String resolve(String overlay, Map<String, JsonNode> env, String text) {
        Matcher m = Pattern.compile("\\$\\(([A-Z0-9_]+)\\)").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            JsonNode var = env.get(m.group(1));
            String replacement = var == null || var.at("/valueFrom/secretKeyRef").isObject() ? m.group() : value(overlay, var);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static List<String> allowedUrls(String javaOpts) {
        int at = javaOpts.indexOf(ALLOWED_URLS);
        assertTrue(at >= 0, "no " + ALLOWED_URLS + " in " + javaOpts);
        return List.of(javaOpts.substring(at + ALLOWED_URLS.length()).split("\\s")[0].split(","));
    }

    // ---------------------------------------------------------------- compose

    static Stream<String> brokers() {
        return ComposeFile.brokers(compose).stream();
    }

    private static Map<String, String> env(String service) {
        return ComposeFile.env(compose, service);
    }

    private static String unescaped(JsonNode value) {
        return ComposeFile.unescaped(value);
    }

    private static Map<String, String> brokerProperties(String broker) {
        return ComposeFile.brokerProperties(compose, broker);
    }

    /** Listener name (lower case) -> security protocol, for every listener the broker opens. */
    private static Map<String, String> composeListeners(Map<String, String> broker) {
        Map<String, String> protocols = new LinkedHashMap<>();
        for (String pair : broker.get("listener.security.protocol.map").split(",")) {
            String[] parts = pair.split(":");
            protocols.put(parts[0].toLowerCase(), parts[1]);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String name : ComposeFile.listenerAddresses(broker.get("listeners")).keySet()) {
            assertTrue(protocols.containsKey(name), name + " has no protocol");
            out.put(name, protocols.get(name));
        }
        return out;
    }

    /** Each broker's advertised address on one listener, in the order of the brokers. */
    private static List<String> advertised(String listener) {
        return brokers().map(b -> ComposeFile.listenerAddresses(brokerProperties(b).get("advertised.listeners")).get(listener))
                .toList();
    }

    @Test
    void composeRunsBrokers() {
        // The parameterised broker tests below must have brokers to check.
        assertEquals(List.of("kafka-1", "kafka-2", "kafka-3"), brokers().toList());
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void composeBrokerHasTlsOnEveryListenerOAuthForClientsAndMutualTlsForItself(String name) throws Exception {
        Map<String, String> broker = brokerProperties(name);
        Map<String, String> listeners = composeListeners(broker);
        // client: the services in the network; host: clients on this machine (published on 127.0.0.1);
        // internal: replication and the admin tools; controller: the KRaft quorum.
        assertEquals(Map.of("client", "SASL_SSL", "host", "SASL_SSL", "internal", "SSL", "controller", "SSL"), listeners,
                name + ": listeners and their protocols");
        String keycloakInternal = compose.at("/referral-service/environment/QUARKUS_OIDC_AUTH_SERVER_URL").asText();
        listeners.forEach((listener, protocol) -> {
            String where = name + " " + listener;
            assertTrue(protocol.equals("SSL") || protocol.equals("SASL_SSL"), where + " is " + protocol + ": TLS on every listener");
            String prefix = "listener.name." + listener + ".";
            if (protocol.equals("SSL")) {
                assertEquals("required", broker.get(prefix + "ssl.client.auth"), where + ": client certificate required");
            } else {
                assertEquals("OAUTHBEARER", broker.get(prefix + "sasl.enabled.mechanisms"), where);
                // Without options: with any, the broker's own login makes an unsecured token and fails to start.
                assertEquals("org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required ;",
                        broker.get(prefix + "oauthbearer.sasl.jaas.config"), where);
                assertEquals("org.apache.kafka.common.security.oauthbearer.OAuthBearerValidatorCallbackHandler",
                        broker.get(prefix + "oauthbearer.sasl.server.callback.handler.class"), where + ": tokens are validated");
                assertEquals("none", broker.getOrDefault(prefix + "ssl.client.auth", broker.getOrDefault("ssl.client.auth", "none")),
                        where + ": the token authenticates");
            }
        });
        Class.forName(broker.get("listener.name.client.oauthbearer.sasl.server.callback.handler.class"));
        assertEquals("SSL", listeners.get(broker.get("inter.broker.listener.name").toLowerCase()), name + ": replication over mutual TLS");
        assertEquals("SSL", listeners.get(broker.get("controller.listener.names").toLowerCase()), name + ": the quorum over mutual TLS");
        // Every listener-specific setting names a listener that exists (a typo would silently not apply).
        broker.keySet().stream().filter(k -> k.startsWith("listener.name.")).forEach(k ->
                assertTrue(listeners.containsKey(k.split("\\.")[2]), name + " " + k + ": no such listener"));

        assertEquals(keycloakInternal + JWKS_PATH, broker.get("sasl.oauthbearer.jwks.endpoint.url"), name);
        assertEquals(compose.at("/keycloak/environment/KC_HOSTNAME").asText() + "/realms/linkwork",
                broker.get("sasl.oauthbearer.expected.issuer"), name + ": the issuer tokens carry");
        assertEquals("kafka", broker.get("sasl.oauthbearer.expected.audience"), name);
        assertEquals("azp", broker.get("sasl.oauthbearer.sub.claim.name"), name + ": principal = the client id");
        String kafkaOpts = env(name).get("KAFKA_OPTS");
        assertTrue(allowedUrls(kafkaOpts).contains(broker.get("sasl.oauthbearer.jwks.endpoint.url")), name + " may fetch the JWKS");
        assertTrue(kafkaOpts.contains("-Djavax.net.ssl.trustStore=/tls/truststore.p12 "), name + ": the JWKS is fetched trusting " + kafkaOpts);
        assertTrue(compose.path(name).path("volumes").toString().contains("\"tls:/tls:ro\""), name + " mounts /tls/truststore.p12");
        assertTrue(unescaped(compose.at("/tls-init/command/2")).replaceAll("\\\\\n\\s*", "").contains(
                "keytool -importcert -noprompt -alias keycloak -file keycloak.crt -keystore truststore.p12"),
                "/tls/truststore.p12 holds Keycloak's certificate");

        assertEquals("org.apache.kafka.metadata.authorizer.StandardAuthorizer", broker.get("authorizer.class.name"), name);
        assertEquals("false", broker.get("allow.everyone.if.no.acl.found"), name);
        assertEquals("false", broker.get("auto.create.topics.enable"), name);
        // The one super user is the brokers themselves, by the CN of the certificate tls-init gives them.
        assertEquals("User:kafka", broker.get("super.users"), name);
        assertTrue(broker.get("ssl.principal.mapping.rules").startsWith("RULE:^CN=([^,]+)$/$1/"),
                name + ": principal = the certificate's CN: " + broker.get("ssl.principal.mapping.rules"));
        assertEquals("/kafka-tls/kafka.p12", broker.get("ssl.keystore.location"), name + ": the brokers' key");
        String tlsInit = unescaped(compose.at("/tls-init/command/2"));
        assertTrue(Pattern.compile("-genkeypair -alias kafka [^\n]*-dname CN=kafka\\s").matcher(tlsInit).find(), "broker certificate CN");
    }

    @Test
    void composeKafkaInitGrantsEachClientExactlyWhatEventBackboneSays() {
        String script = unescaped(compose.at("/kafka-init/command/0"));
        assertTrue(script.contains("\nacl() { retried /opt/kafka/bin/kafka-acls.sh $admin --add \"$@\" & pids+=($!); }\n"),
                "acl() adds ACLs as the admin");
        assertTrue(script.contains("\nfor pid in \"${pids[@]}\"; do wait \"$pid\"; done\n"), "kafka-init fails if any command failed");
        // The admin connects with its certificate to every broker's INTERNAL listener (mutual TLS).
        assertTrue(script.contains("admin=\"--bootstrap-server " + String.join(",", advertised("internal"))
                + " --command-config /kafka-tls/admin.properties\""), script);
        brokers().forEach(b -> assertEquals("SSL", composeListeners(brokerProperties(b)).get("internal"), b));
        assertEquals(1, script.split("kafka-acls\\.sh", -1).length - 1, "ACLs only through acl()");

        Set<String> granted = new TreeSet<>();
        Matcher line = Pattern.compile("(?m)^acl (.+)$").matcher(script);
        while (line.find()) {
            List<String> args = List.of(line.group(1).trim().split("\\s+"));
            String principal = null;
            String pattern = "literal";
            List<String> operations = new ArrayList<>();
            // kafka-acls grants every operation on every resource of one command.
            List<String[]> resources = new ArrayList<>();
            for (int i = 0; i < args.size(); i += 2) {
                String value = args.get(i + 1);
                switch (args.get(i)) {
                    case "--allow-principal" -> principal = value;
                    case "--operation" -> operations.add(value);
                    case "--topic", "--group" -> resources.add(new String[] {args.get(i).substring(2), value});
                    case "--resource-pattern-type" -> pattern = value;
                    default -> throw new AssertionError("unexpected option " + args.get(i) + " in: acl " + line.group(1));
                }
            }
            for (String op : operations) {
                for (String[] resource : resources) {
                    granted.add(acl(principal, resource[0], pattern, resource[1], op));
                }
            }
        }
        assertEquals(expectedAcls(), granted);
    }

    @Test
    void composeServicesReachKafkaOverTlsWithTheirOwnClientCredentials() {
        // Every broker's CLIENT listener (the OAUTHBEARER one inside the network): any broker can be down at start.
        String bootstrap = String.join(",", advertised("client"));
        brokers().forEach(b -> assertEquals("SASL_SSL", composeListeners(brokerProperties(b)).get("client"), b));
        String tlsInit = unescaped(compose.at("/tls-init/command/2"));
        for (Repo.Service s : Repo.SERVICES) {
            Map<String, String> env = env(s.name());
            for (String var : List.of("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL", "KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET",
                    "KAFKA_SSL_TRUSTSTORE_LOCATION", "KAFKA_SASL_JAAS_CONFIG", "JAVA_OPTS_APPEND")) {
                assertTrue(env.containsKey(var), s.name() + " sets " + var);
            }
            assertEquals(bootstrap, env.get("KAFKA_BOOTSTRAP_SERVERS"), s.name() + ": every broker's OAUTHBEARER listener");
            String token = env.get("KAFKA_SASL_OAUTHBEARER_TOKEN_ENDPOINT_URL");
            assertEquals(env.get("QUARKUS_OIDC_AUTH_SERVER_URL") + TOKEN_PATH, token, s.name());
            String secret = env.get("KAFKA_SASL_OAUTHBEARER_CLIENT_CREDENTIALS_CLIENT_SECRET");
            assertEquals(realmSecret(s.name()), secret.substring(secret.indexOf(":-") + 2, secret.length() - 1),
                    s.name() + ": its own client's local secret by default");
            String truststore = env.get("KAFKA_SSL_TRUSTSTORE_LOCATION");
            assertEquals("/tls/kafka-ca.crt", truststore, s.name());
            assertTrue(tlsInit.contains("cp ca.crt " + truststore), "tls-init writes " + truststore);
            assertTrue(compose.path(s.name()).path("volumes").toString().contains("\"tls:/tls:ro\""), s.name() + " mounts tls");
            assertTrue(allowedUrls(env.get("JAVA_OPTS_APPEND")).contains(token), s.name() + ": the token endpoint is allowed");
            assertEquals(KEYCLOAK_CERTIFICATE, loginModuleTruststore(env.get("KAFKA_SASL_JAAS_CONFIG")),
                    s.name() + ": the token endpoint is trusted through Keycloak's certificate");
        }
    }

    @Test
    void composeKeycloakServesTheCertificateKafkaClientsTrust() {
        String tlsInit = unescaped(compose.at("/tls-init/command/2"));
        assertTrue(tlsInit.startsWith("cd /tls\n"), tlsInit);
        String joined = tlsInit.replaceAll("\\\\\n\\s*", "");
        assertTrue(joined.contains("keytool -exportcert -rfc -alias keycloak -keystore keycloak.p12 -storepass \"$STORE_PASSWORD\" -file keycloak.crt"),
                "tls-init exports " + KEYCLOAK_CERTIFICATE + " from the key store Keycloak serves");
        assertEquals("/tls/keycloak.p12", compose.at("/keycloak/environment/KC_HTTPS_KEY_STORE_FILE").asText());
    }

    @Test
    void onlyTheBrokersAndTheirAdminToolsSeeTheBrokersKey() {
        Set<String> mounting = new TreeSet<>();
        compose.fields().forEachRemaining(e -> {
            for (JsonNode v : e.getValue().path("volumes")) {
                if (v.asText().startsWith("kafka-tls:")) {
                    mounting.add(e.getKey());
                }
            }
        });
        Set<String> expected = new TreeSet<>(Set.of("tls-init", "kafka-init"));
        expected.addAll(brokers().toList());
        assertEquals(expected, mounting);
        String tlsInit = unescaped(compose.at("/tls-init/command/2"));
        assertTrue(tlsInit.contains("rm -f ca.p12 kafka.csr kafka.crt"), "the CA's key does not outlive the signing");
    }

    private static String realmSecret(String clientId) {
        for (JsonNode c : RealmForKubernetes.localRealm().path("clients")) {
            if (c.path("clientId").asText().equals(clientId)) {
                return c.path("secret").asText();
            }
        }
        throw new AssertionError("no client " + clientId + " in the realm");
    }

    // ---------------------------------------------------------------- the realm

    @Test
    void theRealmGivesAudienceKafkaToEventBackbonesClientsAndToNoOtherClient() {
        JsonNode realm = RealmForKubernetes.localRealm();
        // A realm import that names any client scope gets none of Keycloak's built-in ones (roles,
        // basic, profile...: RealmManager creates them only when clientScopes is absent), so the
        // audience is a mapper on each client instead of a "kafka" client scope.
        assertFalse(realm.has("clientScopes"), "clientScopes would drop Keycloak's built-in scopes from every token");
        Set<String> kafkaClients = new TreeSet<>();
        EventBackbone.CLIENTS.forEach(c -> kafkaClients.add(c.clientId()));
        Set<String> withAudience = new TreeSet<>();
        for (JsonNode client : realm.path("clients")) {
            String id = client.path("clientId").asText();
            for (JsonNode mapper : client.path("protocolMappers")) {
                if (mapper.path("protocolMapper").asText().equals("oidc-audience-mapper")
                        && mapper.at("/config/included.custom.audience").asText().equals("kafka")) {
                    assertEquals("true", mapper.at("/config/access.token.claim").asText(), id + ": in the access token");
                    withAudience.add(id);
                }
            }
            if (kafkaClients.contains(id)) {
                assertFalse(client.path("publicClient").asBoolean(true), id + " is confidential");
                assertTrue(client.path("serviceAccountsEnabled").asBoolean(), id + ": client credentials");
                assertFalse(client.path("standardFlowEnabled").asBoolean(true), id + ": no browser login");
                assertFalse(client.path("directAccessGrantsEnabled").asBoolean(true), id + ": no password grant");
                assertEquals(id + "-local-secret", client.path("secret").asText(), id + ": a local-only secret");
            }
        }
        assertEquals(kafkaClients, withAudience);
        String readme = Repo.read(Repo.K8S.resolve("README.md"));
        String row = readme.lines().filter(l -> l.startsWith("| `" + RealmForKubernetes.CLIENT_SECRETS + "`"))
                .findFirst().orElseThrow();
        kafkaClients.forEach(id -> assertTrue(row.contains("`" + id + "`"), "README: key " + id + " of " + RealmForKubernetes.CLIENT_SECRETS));
    }
}
