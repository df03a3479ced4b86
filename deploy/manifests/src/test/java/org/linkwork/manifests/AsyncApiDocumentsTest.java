package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.linkwork.infra.EventBackbone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
 * The AsyncAPI documents the services and the platform publish tell a consumer how to connect:
 * every server is Kafka behind the realm's OAuth (SASL OAUTHBEARER over TLS), and every topic they
 * name, dead-letter topics included, is one the brokers have.
 */
class AsyncApiDocumentsTest {

    private static final String LOCATION = "src/main/resources/META-INF/resources/asyncapi";
    private static final String TOKEN_ENDPOINT = "/realms/linkwork/protocol/openid-connect/token";

    static List<Path> documents() throws IOException {
        List<Path> out = new ArrayList<>();
        List<String> modules = new ArrayList<>(List.of("platform"));
        Repo.SERVICES.forEach(s -> modules.add(s.name()));
        for (String module : modules) {
            Path dir = Repo.ROOT.resolve(module).resolve(LOCATION);
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    out.addAll(files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList());
                }
            }
        }
        return out;
    }

    @Test
    void everyDocumentThePlatformAndServicesPublishIsChecked() throws IOException {
        Set<String> names = new TreeSet<>();
        documents().forEach(d -> names.add(d.getFileName().toString()));
        assertEquals(Set.of("referral-events.yaml", "directory-events.yaml", "caseload-events.yaml", "outcome-events.yaml",
                "ics-events.yaml", "audit-events.yaml", "gp-record-events.yaml"), names);
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyServerIsKafkaBehindSaslOAuthBearerOverTls(Path file) {
        JsonNode doc = Yaml.readSingle(file);
        String where = file.getFileName().toString();
        assertEquals("3.0.0", doc.path("asyncapi").asText(), where);
        assertTrue(doc.path("servers").size() > 0, where + ": servers");
        doc.path("servers").fields().forEachRemaining(e -> {
            String server = where + " server " + e.getKey();
            JsonNode s = e.getValue();
            assertEquals("kafka", s.path("protocol").asText(), server);
            assertTrue(s.path("protocolVersion").asText().matches("4\\.\\d+"), server + ": protocolVersion");
            assertTrue(s.path("host").asText().matches("[a-z0-9.-]+:\\d+"), server + ": host");
            assertTrue(s.path("security").size() > 0, server + ": security");
            for (JsonNode requirement : s.path("security")) {
                String ref = requirement.path("$ref").asText();
                assertTrue(ref.startsWith("#/components/securitySchemes/"), server + ": " + ref);
                JsonNode scheme = doc.at(ref.substring(1));
                assertFalse(scheme.isMissingNode(), server + ": " + ref + " does not exist");
                assertEquals("oauth2", scheme.path("type").asText(), ref);
                JsonNode flow = scheme.at("/flows/clientCredentials");
                assertTrue(flow.path("tokenUrl").asText().startsWith("https://"), ref + ": token URL over TLS");
                assertTrue(flow.path("tokenUrl").asText().endsWith(TOKEN_ENDPOINT), ref + ": Keycloak's token endpoint");
                assertTrue(flow.path("availableScopes").isObject(), ref + ": availableScopes (required by AsyncAPI 3)");
                assertEquals(1, scheme.path("flows").size(), ref + ": client credentials only");
                String description = scheme.path("description").asText();
                for (String words : List.of("SASL OAUTHBEARER", "TLS", "SASL_SSL", "azp", "`kafka`")) {
                    assertTrue(description.contains(words), ref + " says " + words);
                }
            }
        });
    }

    @ParameterizedTest
    @MethodSource("documents")
    void everyTopicADocumentNamesIsOneOfEventBackbones(Path file) {
        JsonNode doc = Yaml.readSingle(file);
        String where = file.getFileName().toString();
        List<String> topics = EventBackbone.topics();
        doc.path("channels").fields().forEachRemaining(e ->
                assertTrue(topics.contains(e.getValue().path("address").asText()), where + ": channel " + e.getKey()));
        Matcher dlq = Pattern.compile("`([a-z.-]+\\.dlq)`").matcher(Repo.read(file));
        while (dlq.find()) {
            assertTrue(topics.contains(dlq.group(1)), where + " names " + dlq.group(1) + ", which EventBackbone does not");
        }
        JsonNode own = doc.path("channels").path(where.replace(".yaml", ""));
        assertNotNull(own.path("address").asText(null), where + ": its own channel");
    }
}
