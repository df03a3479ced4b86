package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/** Checks event data against the JSON Schema a service publishes beside its AsyncAPI document. */
public final class EventSchemas {

    static final String LOCATION = "/META-INF/resources/asyncapi/schemas/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private EventSchemas() {
    }

    public static void assertValid(String type, String data) throws IOException {
        try (InputStream schema = EventSchemas.class.getResourceAsStream(LOCATION + type + ".json")) {
            assertNotNull(schema, "no published schema for " + type);
            Set<ValidationMessage> problems = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(schema).validate(JSON.readTree(data));
            assertTrue(problems.isEmpty(), type + " does not match its schema: " + problems + " in " + data);
        }
    }
}
