package org.linkwork.directory.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * Checks API responses against the Open Referral HSDS 3.0 object schemas (a copy of the standard's
 * schema folder in test resources, whose relative {@code $ref}s resolve on the class path).
 */
public final class HsdsSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    private HsdsSchemas() {
    }

    /** {@code object} is the schema's name, e.g. {@code service} or {@code taxonomy_term}. */
    public static void assertValid(String object, JsonNode json) {
        JsonSchema schema = FACTORY.getSchema(SchemaLocation.of("classpath:hsds-3.0/schema/" + object + ".json"), CONFIG);
        Set<ValidationMessage> problems = schema.validate(json);
        assertTrue(problems.isEmpty(), object + " does not match HSDS 3.0: " + problems + " in " + json);
    }
}
