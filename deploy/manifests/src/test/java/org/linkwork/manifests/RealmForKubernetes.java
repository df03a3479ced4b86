package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

/**
 * The KeycloakRealmImport for Kubernetes, derived from the realm the local suite imports
 * (deploy/keycloak/linkwork-realm.json) by three rules, so that the two cannot drift apart:
 * <ol>
 *   <li>the demo users and their local-only passwords are left out (the clients' service-account
 *       users stay: they carry the machine clients' realm roles);</li>
 *   <li>local-only clients (linkwork-cli, direct access grants for scripting) are left out;</li>
 *   <li>every confidential client's secret becomes a placeholder, {@code ${LINKWORK_<CLIENT>_SECRET}},
 *       that the operator fills from the Secret {@value #CLIENT_SECRETS}, key = client id;</li>
 * </ol>
 * and "(LOCAL DEMO)" goes from the display name. Regenerate with
 * {@code ./mvnw -pl deploy/manifests verify -Dlinkwork.manifests.write=true}.
 */
final class RealmForKubernetes {

    static final String CLIENT_SECRETS = "linkwork-keycloak-clients";
    /** Scripting, and the reference ICS dashboard's login, whose dashboard runs only in the local suite so far. */
    static final Set<String> LOCAL_ONLY_CLIENTS = Set.of("linkwork-cli", "ics-dashboard-web");

    private RealmForKubernetes() {
    }

    static String placeholder(String clientId) {
        return "LINKWORK_" + clientId.toUpperCase().replace('-', '_') + "_SECRET";
    }

    static ObjectNode realm(JsonNode local) {
        ObjectNode realm = local.deepCopy();
        ArrayNode serviceAccounts = Yaml.JSON.createArrayNode();
        for (JsonNode user : realm.path("users")) {
            String client = user.path("serviceAccountClientId").asText(null);
            if (client != null && !LOCAL_ONLY_CLIENTS.contains(client)) {
                serviceAccounts.add(user);
            }
        }
        if (serviceAccounts.isEmpty()) {
            realm.remove("users");
        } else {
            realm.set("users", serviceAccounts);
        }
        if (realm.has("displayName")) {
            realm.put("displayName", realm.get("displayName").asText().replaceAll("\\s*\\(LOCAL DEMO\\)", ""));
        }
        ArrayNode clients = Yaml.JSON.createArrayNode();
        for (JsonNode c : realm.path("clients")) {
            if (LOCAL_ONLY_CLIENTS.contains(c.path("clientId").asText())) {
                continue;
            }
            ObjectNode client = (ObjectNode) c;
            if (client.has("secret")) {
                client.put("secret", "${" + placeholder(client.get("clientId").asText()) + "}");
            }
            clients.add(client);
        }
        realm.set("clients", clients);
        return realm;
    }

    static ObjectNode realmImport(JsonNode local) {
        ObjectNode realm = realm(local);
        ObjectNode cr = Yaml.JSON.createObjectNode();
        cr.put("apiVersion", "k8s.keycloak.org/v2alpha1");
        cr.put("kind", "KeycloakRealmImport");
        ObjectNode metadata = cr.putObject("metadata");
        metadata.put("name", "linkwork-realm");
        metadata.putObject("labels").put("app.kubernetes.io/part-of", "linkwork");
        ObjectNode spec = cr.putObject("spec");
        spec.put("keycloakCRName", "linkwork-keycloak");
        ObjectNode placeholders = spec.putObject("placeholders");
        for (JsonNode c : realm.path("clients")) {
            if (c.has("secret")) {
                String clientId = c.get("clientId").asText();
                ObjectNode secret = placeholders.putObject(placeholder(clientId)).putObject("secret");
                secret.put("name", CLIENT_SECRETS);
                secret.put("key", clientId);
            }
        }
        spec.set("realm", realm);
        return cr;
    }

    static JsonNode localRealm() {
        try {
            return Yaml.JSON.readTree(Files.readString(Repo.REALM, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(Repo.REALM.toString(), e);
        }
    }

    static void write(Path target) throws IOException {
        String header = """
                # GENERATED from deploy/keycloak/linkwork-realm.json by deploy/manifests
                # (RealmForKubernetes): the same realm without the demo users (service-account users
                # stay: they give the machine clients their roles), without the local-only
                # linkwork-cli client, and with every client secret taken from the Secret
                # linkwork-keycloak-clients (key = client id) through the operator's placeholders.
                # Do not edit by hand: change the realm, then run
                #   ./mvnw -pl deploy/manifests verify -Dlinkwork.manifests.write=true
                # The operator imports a realm once (it never updates an existing one).
                """;
        Files.writeString(target, header + Yaml.MAPPER.writeValueAsString(realmImport(localRealm())),
                StandardCharsets.UTF_8);
    }
}
