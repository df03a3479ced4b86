package org.linkwork.directory.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks API responses against Open Referral HSDS 3.0: the object schemas (a copy of the standard's
 * schema folder in test resources, whose relative {@code $ref}s resolve on the class path) and the
 * response schemas of the ORUK OpenAPI document ({@code hsds-3.0/openapi.json}), whose {@code $ref}s to
 * the standard's compiled schemas are served from gzipped copies ({@code hsds-3.0/compiled}). Format
 * assertions are on, so a {@code date-time} without seconds or a relative {@code uri} fails.
 */
public final class HsdsSchemas {

    private static final String STANDARD = "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
    private static final Map<String, JsonSchema> RESPONSES = new ConcurrentHashMap<>();

    private HsdsSchemas() {
    }

    /** {@code object} is the schema's name, e.g. {@code service} or {@code taxonomy_term}. */
    public static void assertValid(String object, JsonNode json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:hsds-3.0/schema/" + object + ".json"), CONFIG);
        Set<ValidationMessage> problems = schema.validate(json);
        assertTrue(problems.isEmpty(), object + " does not match HSDS 3.0: " + problems + " in " + json);
    }

    /**
     * Checks a response of {@code GET <orukPath>} (as the ORUK OpenAPI names it: {@code /services/{id}},
     * {@code /taxonomy_terms}, {@code /}) against that operation's 200 response schema.
     */
    public static void assertOrukResponse(String orukPath, JsonNode json) {
        JsonSchema schema = RESPONSES.computeIfAbsent(orukPath, HsdsSchemas::responseSchema);
        Set<ValidationMessage> problems = schema.validate(json);
        assertTrue(problems.isEmpty(), "GET " + orukPath + " does not match the ORUK 3.0 response schema: " + problems);
    }

    private static JsonSchema responseSchema(String orukPath) {
        JsonNode openapi = read("hsds-3.0/openapi.json", false);
        String pointer = "/paths/" + orukPath.replace("~", "~0").replace("/", "~1") + "/get/responses/200/content/application~1json/schema";
        JsonNode schema = openapi.at(pointer);
        if (schema.isMissingNode()) {
            throw new IllegalArgumentException("The ORUK OpenAPI has no GET " + orukPath);
        }
        schema = schema.deepCopy();
        if (orukPath.equals("/service_at_locations/{id}")) {
            // The 3.0 OpenAPI points this one at compiled/service.json (which requires name and status),
            // an error in the document: the response is a service_at_location, as the path and its
            // description say, so it is checked against compiled/service_at_location.json.
            schema = JSON.createObjectNode().put("$ref", STANDARD + "compiled/service_at_location.json");
        }
        return FACTORY.getSchema(resolve(schema, openapi), CONFIG);
    }

    /** Inlines the OpenAPI's own components and the compiled schemas; other object schemas load from the class path. */
    private static JsonNode resolve(JsonNode node, JsonNode openapi) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                if (target.startsWith("#/")) {
                    return resolve(openapi.at(target.substring(1)).deepCopy(), openapi);
                }
                if (target.startsWith(STANDARD + "compiled/")) {
                    return read("hsds-3.0/compiled/" + target.substring((STANDARD + "compiled/").length()) + ".gz", true);
                }
                if (target.startsWith(STANDARD)) {
                    return ((ObjectNode) node).put("$ref", "classpath:hsds-3.0/schema/" + target.substring(STANDARD.length()));
                }
            }
            ObjectNode object = (ObjectNode) node;
            for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                field.setValue(resolve(field.getValue(), openapi));
            }
        } else if (node.isArray()) {
            ArrayNode array = (ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                array.set(i, resolve(array.get(i), openapi));
            }
        }
        return node;
    }

    private static JsonNode read(String resource, boolean gzipped) {
        try (InputStream in = HsdsSchemas.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No test resource " + resource);
            }
            return JSON.readTree(gzipped ? new GZIPInputStream(in) : in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
