package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Kubernetes realm import stays the local realm minus what must never reach a cluster. */
class RealmImportTest {

    /** -Dlinkwork.manifests.write=true regenerates the import from the realm before checking. */
    @BeforeAll
    static void regenerateWhenAsked() throws Exception {
        if (Boolean.getBoolean("linkwork.manifests.write")) {
            RealmForKubernetes.write(Repo.REALM_IMPORT);
        }
    }

    @Test
    void realmImportIsTheCheckedInRealmWithoutDemoUsersLocalClientsOrLocalSecrets() throws Exception {
        JsonNode committed = Yaml.readSingle(Repo.REALM_IMPORT);
        JsonNode expected = RealmForKubernetes.realmImport(RealmForKubernetes.localRealm());
        assertEquals(expected, committed, "deploy/k8s/base/keycloak/realm-import.yaml is out of date with "
                + "deploy/keycloak/linkwork-realm.json: ./mvnw -pl deploy/manifests verify -Dlinkwork.manifests.write=true");

        String text = Repo.read(Repo.REALM_IMPORT);
        for (JsonNode user : committed.at("/spec/realm/users")) {
            assertTrue(user.hasNonNull("serviceAccountClientId"), "no demo users: " + user.path("username").asText());
            assertFalse(user.has("credentials"), "no passwords: " + user.path("username").asText());
        }
        long serviceAccounts = 0;
        for (JsonNode user : RealmForKubernetes.localRealm().path("users")) {
            if (user.hasNonNull("serviceAccountClientId")) {
                serviceAccounts++;
            }
        }
        assertEquals(serviceAccounts, committed.at("/spec/realm/users").size(), "every machine client keeps its roles");
        assertFalse(text.contains("local-secret") || text.contains("LOCAL DEMO"), "no local-only secrets or labels");
        for (JsonNode client : committed.at("/spec/realm/clients")) {
            assertFalse(RealmForKubernetes.LOCAL_ONLY_CLIENTS.contains(client.path("clientId").asText()));
        }
    }

    @Test
    void everyPlaceholderInTheRealmComesFromTheClientSecretsSecret() {
        JsonNode cr = Yaml.readSingle(Repo.REALM_IMPORT);
        Set<String> used = new TreeSet<>();
        Matcher m = Pattern.compile("\\$\\{(LINKWORK_[A-Z0-9_]+)}").matcher(cr.at("/spec/realm").toString());
        while (m.find()) {
            used.add(m.group(1));
        }
        Set<String> declared = new TreeSet<>();
        cr.at("/spec/placeholders").fieldNames().forEachRemaining(declared::add);
        assertEquals(declared, used);
        assertTrue(used.size() >= 6, "gp-system, nhs-service and one client per service: " + used);
        cr.at("/spec/placeholders").forEach(p ->
                assertEquals(RealmForKubernetes.CLIENT_SECRETS, p.at("/secret/name").asText()));
    }
}
