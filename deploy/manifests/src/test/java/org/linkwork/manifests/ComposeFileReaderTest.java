package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ComposeFile} reads YAML as Docker Compose does, so the compose tests see the services Compose runs. */
class ComposeFileReaderTest {

    private static final String ANCHORED = """
            x-node: &node
              image: broker
              restart: unless-stopped
              environment: &node-environment
                ROLE: broker
                HEAP: small
            services:
              merged:
                <<: *node
                restart: "no"
                environment:
                  <<: *node-environment
                  HEAP: large
                  ID: 1
              replaced:
                <<: *node
                environment:
                  ID: 2
            """;

    @Test
    void mergeKeysBringInTheAnchoredBlockAndAServicesOwnKeysWin() {
        JsonNode services = ComposeFile.parse(ANCHORED, "anchored").path("services");
        JsonNode merged = services.path("merged");
        assertEquals("broker", merged.path("image").asText());
        assertEquals("no", merged.path("restart").asText(), "the service's own key wins");
        assertEquals("broker", merged.at("/environment/ROLE").asText(), "the nested merge");
        assertEquals("large", merged.at("/environment/HEAP").asText());
        assertEquals(1, merged.at("/environment/ID").asInt());
        assertFalse(merged.has("<<"), "no merge key left as a key");
        // Shallow: an environment of one's own replaces the anchored one unless it merges it too.
        JsonNode replaced = services.path("replaced");
        assertEquals("unless-stopped", replaced.path("restart").asText());
        assertFalse(replaced.path("environment").has("ROLE"));
    }

    @Test
    void plainScalarsAreReadByYaml12sCoreSchemaAsComposeReadsThem() {
        JsonNode service = ComposeFile.parse("""
                services:
                  one-shot:
                    restart: no
                    ports:
                      - 19092:19092
                    environment:
                      ENABLED: on
                      FLAG: false
                """, "scalars").path("services").path("one-shot");
        assertEquals("no", service.path("restart").asText(), "YAML 1.1 would make it false");
        assertEquals("19092:19092", service.path("ports").path(0).asText(), "YAML 1.1 would make it a base-60 number");
        assertEquals("on", service.at("/environment/ENABLED").asText());
        assertTrue(service.at("/environment/FLAG").isBoolean());
    }

    @Test
    void aKeyGivenTwiceInOneMappingIsRefusedAsComposeRefusesIt() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ComposeFile.parse("""
                services:
                  twice:
                    image: a
                    image: b
                """, "duplicate"));
        assertTrue(e.getMessage().startsWith("duplicate is not valid YAML"), e.getMessage());
    }
}
