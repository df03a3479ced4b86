package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks the record a consumer binds an event's data to against the JSON Schema its producer publishes, so that
 * the two cannot drift apart unnoticed: the producer's own tests check its events against that schema
 * ({@link EventSchemas}), and this checks the consumer against the same file in the repository.
 */
public final class EventContracts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventContracts() {
    }

    /**
     * Fails unless every component of {@code record} (and of the records nested in it) is a property of the
     * producer's schema for {@code type} with a type it can hold, every component the consumer requires
     * ({@code @NotNull}, {@code @NotBlank}, {@code @NotEmpty}, primitives) is required and never null there,
     * and every value an enum property may take is a constant of the consumer's enum.
     *
     * @param producerModule the producing module's directory in the repository, e.g. {@code referral-service}
     */
    public static void assertReadable(Class<? extends Record> record, String producerModule, String type)
            throws IOException {
        Path file = repositoryRoot().resolve(producerModule)
                .resolve("src/main/resources" + EventSchemas.LOCATION + type + ".json");
        assertTrue(Files.isRegularFile(file), producerModule + " publishes no schema for " + type + " (" + file + ")");
        List<String> problems = new ArrayList<>();
        object(record, JSON.readTree(file.toFile()), type, problems);
        assertTrue(problems.isEmpty(), record.getSimpleName() + " cannot read every " + type + " its producer may send:\n  "
                + String.join("\n  ", problems));
    }

    private static void object(Class<?> record, JsonNode schema, String path, List<String> problems) {
        JsonNode properties = schema.path("properties");
        Set<String> required = StreamSupport.stream(schema.path("required").spliterator(), false)
                .map(JsonNode::asText).collect(Collectors.toSet());
        for (RecordComponent component : record.getRecordComponents()) {
            String at = path + "." + component.getName();
            JsonNode property = properties.get(component.getName());
            if (property == null) {
                problems.add(at + ": the producer's schema has no such property");
                continue;
            }
            if (isRequired(component) && (!required.contains(component.getName()) || nullable(property))) {
                problems.add(at + ": the consumer requires it but the producer may leave it out or null");
            }
            value(component.getGenericType(), property, at, problems);
        }
    }

    private static void value(Type type, JsonNode property, String at, List<String> problems) {
        Class<?> raw = type instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) type;
        if (raw.isEnum()) {
            Set<String> constants = Arrays.stream(raw.getEnumConstants()).map(c -> ((Enum<?>) c).name())
                    .collect(Collectors.toSet());
            JsonNode values = property.path("enum");
            if (!values.isArray()) {
                problems.add(at + ": " + raw.getSimpleName() + " but the schema does not limit the values");
            }
            values.forEach(v -> {
                if (!v.isNull() && !constants.contains(v.asText())) {
                    problems.add(at + ": the producer may send " + v.asText() + ", which " + raw.getSimpleName() + " lacks");
                }
            });
        } else if (raw.isRecord()) {
            expect(property, "object", at, problems);
            object(raw, property, at, problems);
        } else if (Collection.class.isAssignableFrom(raw)) {
            expect(property, "array", at, problems);
            value(((ParameterizedType) type).getActualTypeArguments()[0], property.path("items"), at + "[]", problems);
        } else if (Map.class.isAssignableFrom(raw)) {
            expect(property, "object", at, problems);
        } else {
            scalar(raw, property, at, problems);
        }
    }

    private static void scalar(Class<?> raw, JsonNode property, String at, List<String> problems) {
        if (raw == UUID.class) {
            format(property, "uuid", at, problems);
        } else if (raw == OffsetDateTime.class || raw == Instant.class) {
            format(property, "date-time", at, problems);
        } else if (raw == LocalDate.class) {
            format(property, "date", at, problems);
        } else if (raw == String.class) {
            expect(property, "string", at, problems);
        } else if (raw == Integer.class || raw == int.class || raw == Long.class || raw == long.class) {
            expect(property, "integer", at, problems);
        } else if (raw == Double.class || raw == double.class || raw == BigDecimal.class) {
            if (!types(property).contains("number") && !types(property).contains("integer")) {
                problems.add(at + ": a number here, " + types(property) + " in the schema");
            }
        } else if (raw == Boolean.class || raw == boolean.class) {
            expect(property, "boolean", at, problems);
        } else {
            problems.add(at + ": " + raw.getName() + " is not a type an event record may use");
        }
    }

    private static void format(JsonNode property, String format, String at, List<String> problems) {
        expect(property, "string", at, problems);
        if (!format.equals(property.path("format").asText())) {
            problems.add(at + ": read as " + format + ", but the schema's format is '" + property.path("format").asText() + "'");
        }
    }

    private static void expect(JsonNode property, String type, String at, List<String> problems) {
        if (!types(property).contains(type)) {
            problems.add(at + ": read as " + type + ", the schema says " + types(property));
        }
    }

    private static Set<String> types(JsonNode property) {
        JsonNode type = property.path("type");
        if (type.isArray()) {
            return StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText).collect(Collectors.toSet());
        }
        if (type.isMissingNode()) {
            // An enum without a type holds what its values are.
            return StreamSupport.stream(property.path("enum").spliterator(), false)
                    .map(v -> v.isNull() ? "null" : v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : "other")
                    .collect(Collectors.toSet());
        }
        return Set.of(type.asText());
    }

    private static boolean nullable(JsonNode property) {
        return types(property).contains("null")
                || StreamSupport.stream(property.path("enum").spliterator(), false).anyMatch(JsonNode::isNull);
    }

    private static boolean isRequired(RecordComponent component) {
        // Bean Validation's annotations do not target record components: Java puts them on the accessor.
        return component.getType().isPrimitive() || Stream.of(NotNull.class, NotBlank.class, NotEmpty.class)
                .anyMatch(a -> component.getAccessor().isAnnotationPresent(a));
    }

    /** The checkout's root: the nearest directory upwards from the module under test that holds {@code mvnw}. */
    static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("Not inside the Linkwork repository: " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
