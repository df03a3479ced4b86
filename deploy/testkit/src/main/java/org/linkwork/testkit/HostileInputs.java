package org.linkwork.testkit;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.linkwork.infra.RealmTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.restassured.RestAssured;

/**
 * Walks every operation of a running service, as its served {@code /q/openapi} describes them, with
 * hostile values in every parameter, header and body field, as every caller of the realm, and fails
 * listing each request answered with a 5xx, with an error body that is not a problem (an
 * OperationOutcome on {@code /fhir}), or slower than {@link #SLOW}.
 *
 * <p>Sampling keeps a run to about a minute: every operation meets every hostile class as every
 * caller at least once (the position and value rotate with the caller); the first caller the
 * operation admits (its baseline is neither 401 nor 403) meets every class at every position.
 * Whole hostile bodies (10,000 levels deep, 10,000 fields wide, 30,000 elements long, over the size
 * limit, malformed, not UTF-8, the wrong root) go to every operation with a body, as every caller.
 * Text values in bodies are 100,000 characters long; in the URL they are as long as the request
 * line allows (the HTTP layer refuses a longer one, 414, before any service code runs). A slow
 * answer is timed once more before it counts, so a pause of the shared build machine is not a failure.
 */
public final class HostileInputs {

    public static final Duration SLOW = Duration.ofSeconds(2);

    /** One who calls the API; {@code token} is null for a request without one. */
    public record Caller(String name, String token) {
    }

    private record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    private record Operation(String method, String path, List<Parameter> parameters, String mediaType,
            JsonNode bodySchema) {
        boolean isFhir() {
            return path.startsWith("/fhir");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** Where a hostile value goes: a parameter by name, or a field of the body by its path. */
    private record Position(String in, String name, List<Object> bodyPath, JsonNode baseline) {
        String describe() {
            return in.equals("body") ? "body " + (name.isEmpty() ? "(root)" : name) : in + " " + name;
        }
    }

    /** One bad answer; {@code kind} groups it with the others of its class in the summary. */
    private record Failure(String kind, String line) {
    }

    /** The classes of hostile value; each applies to any parameter or body field. */
    enum Hostile {
        NUL, CONTROL_CHARACTERS, LONE_SURROGATE, HUGE_STRING, NUMERIC_EXTREME, WRONG_TYPE, UNKNOWN_ENUM, BAD_UUID,
        BAD_DATE, EMPTY
    }

    /** Hostile request bodies as a whole. */
    enum HostileBody {
        DEEP_ARRAYS, DEEP_OBJECTS, WIDE_OBJECT, LONG_ARRAY, OVER_SIZE_LIMIT, MALFORMED, WRONG_ROOT, INVALID_UTF8
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int HUGE = 100_000;
    // The HTTP layer refuses a request line over 4096 bytes before any service code runs.
    private static final int LONGEST_URL_VALUE = 2_500;
    private static final int LONGEST_HEADER_VALUE = 8_000;
    private static final int DEPTH = 10_000;

    private final URI base;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> baselineBodies = new LinkedHashMap<>();
    private final Map<String, String> baselineValues = new LinkedHashMap<>();
    private List<Caller> callers = realmCallers("B86010", "U12345");
    private final List<Failure> failures = new ArrayList<>();
    private int requests;

    private HostileInputs(URI base) {
        this.base = base;
    }

    /** The service started by {@code @QuarkusTest}, at the address RestAssured was given. */
    public static HostileInputs againstTestedService() {
        return new HostileInputs(URI.create(RestAssured.baseURI + ":" + RestAssured.port));
    }

    /** No token, and a token of every realm role (people with their practice or network, machine clients). */
    public static List<Caller> realmCallers(String odsCode, String pcn) {
        return List.of(new Caller("no token", null),
                new Caller("gp", RealmTokens.user("fuzz-gp", "gp", Map.of("ods", odsCode))),
                new Caller("nhs-service client", RealmTokens.client("nhs-service", "nhs-service", Map.of())),
                new Caller("gp-system client", RealmTokens.client("gp-system", "gp", Map.of("ods", odsCode))),
                new Caller("link-worker", RealmTokens.user("fuzz-lw", "link-worker", Map.of("pcn", pcn))),
                new Caller("coordinator", RealmTokens.user("fuzz-coord", "coordinator", Map.of("pcn", pcn))),
                new Caller("directory-curator", RealmTokens.user("fuzz-curator", "directory-curator", Map.of())),
                new Caller("ics-analyst", RealmTokens.user("fuzz-analyst", "ics-analyst", Map.of())),
                new Caller("auditor", RealmTokens.user("fuzz-auditor", "auditor", Map.of())),
                new Caller("token without role", RealmTokens.withoutRole("fuzz-nobody")));
    }

    public HostileInputs callers(List<Caller> callers) {
        this.callers = List.copyOf(callers);
        return this;
    }

    /** A valid body for an operation, so that one mutated field at a time gets past the others' validation. */
    public HostileInputs baselineBody(String method, String path, String json) {
        baselineBodies.put(method.toUpperCase() + " " + path, json);
        return this;
    }

    /** A valid value for a parameter wherever it appears (e.g. an existing id), instead of one made from its schema. */
    public HostileInputs baselineValue(String parameter, String value) {
        baselineValues.put(parameter, value);
        return this;
    }

    /** Runs every operation and fails with every bad answer, one line each. */
    public void assertNoServerErrorsOrBareErrors() {
        JsonNode openApi = fetchOpenApi();
        List<Operation> operations = operations(openApi);
        if (operations.isEmpty()) {
            fail("The OpenAPI document lists no operation");
        }
        // The first requests of a fresh JVM load classes for seconds; only a warm service is timed,
        // every caller once, since each role takes its own code path.
        for (Operation operation : operations) {
            for (Caller caller : callers) {
                JsonNode body = baselineBody(operation, openApi);
                send(operation, caller, baselineParameters(operation, openApi), body == null ? null : body.toString(), null);
            }
        }
        long started = System.nanoTime();
        for (Operation operation : operations) {
            fuzz(operation, openApi);
        }
        System.out.printf("HostileInputs: %d operations, %d requests in %d s, %d failures%n", operations.size(),
                requests, Duration.ofNanos(System.nanoTime() - started).toSeconds(), failures.size());
        if (!failures.isEmpty()) {
            Map<String, List<String>> byKind = new LinkedHashMap<>();
            failures.forEach(f -> byKind.computeIfAbsent(f.kind(), k -> new ArrayList<>()).add(f.line()));
            StringBuilder report = new StringBuilder(failures.size() + " hostile requests were answered badly, in "
                    + byKind.size() + " classes (count, then the first of each):");
            byKind.forEach((kind, lines) -> report.append("\n").append(lines.size()).append(" x ").append(lines.get(0)));
            fail(report.toString());
        }
    }

    private void fuzz(Operation operation, JsonNode openApi) {
        Map<String, String> parameters = baselineParameters(operation, openApi);
        JsonNode body = baselineBody(operation, openApi);
        List<Position> positions = positions(operation, openApi, body);
        Caller admitted = null;
        for (Caller caller : callers) {
            int status = send(operation, caller, parameters, body == null ? null : body.toString(), "baseline");
            if (admitted == null && status != 401 && status != 403 && status > 0) {
                admitted = caller;
            }
        }
        Hostile[] classes = Hostile.values();
        for (int c = 0; c < classes.length; c++) {
            for (int i = 0; i < callers.size() && !positions.isEmpty(); i++) {
                Position position = positions.get((i + c) % positions.size());
                hit(operation, callers.get(i), parameters, body, position, classes[c], i);
            }
            if (admitted != null) {
                for (int p = 0; p < positions.size(); p++) {
                    hit(operation, admitted, parameters, body, positions.get(p), classes[c], p + 1);
                }
            }
        }
        if (operation.mediaType() != null) {
            for (HostileBody hostile : HostileBody.values()) {
                // The size limit is enforced before authentication: one caller shows it.
                List<Caller> senders = hostile == HostileBody.OVER_SIZE_LIMIT ? callers.subList(0, 1) : callers;
                String text = hostileBody(hostile, body);
                for (Caller caller : senders) {
                    send(operation, caller, parameters, text, "body " + hostile);
                }
            }
        }
    }

    private void hit(Operation operation, Caller caller, Map<String, String> parameters, JsonNode body,
            Position position, Hostile hostile, int rotation) {
        if (position.in().equals("body")) {
            List<JsonNode> values = bodyValues(hostile, position.baseline());
            JsonNode value = values.get(rotation % values.size());
            JsonNode mutated = body.deepCopy();
            String text = position.bodyPath().isEmpty() ? value.toString() : set(mutated, position.bodyPath(), value).toString();
            send(operation, caller, parameters, text, position.describe() + " = " + hostile + " " + shorten(value.toString()));
        } else {
            List<String> values = textValues(hostile, position.in().equals("header") ? LONGEST_HEADER_VALUE : LONGEST_URL_VALUE);
            String value = values.get(rotation % values.size());
            Map<String, String> mutated = new LinkedHashMap<>(parameters);
            mutated.put(position.in() + ":" + position.name(), value);
            send(operation, caller, mutated, body == null ? null : body.toString(),
                    position.describe() + " = " + hostile + " " + shorten(JSON.valueToTree(value).toString()));
        }
    }

    /**
     * Sends one request and records what was wrong with its answer (unless {@code what} is null: a
     * warm-up); the status, or 0 if it could not be sent.
     */
    private int send(Operation operation, Caller caller, Map<String, String> parameters, String body, String what) {
        String path = operation.path();
        StringBuilder query = new StringBuilder();
        Map<String, String> headers = new LinkedHashMap<>();
        for (Map.Entry<String, String> parameter : parameters.entrySet()) {
            String in = parameter.getKey().substring(0, parameter.getKey().indexOf(':'));
            String name = parameter.getKey().substring(in.length() + 1);
            switch (in) {
                case "path" -> path = path.replace("{" + name + "}", encode(parameter.getValue()));
                case "query" -> query.append(query.length() == 0 ? "?" : "&").append(encode(name)).append('=')
                        .append(encode(parameter.getValue()));
                case "header" -> headers.put(name, parameter.getValue());
                default -> {
                }
            }
        }
        HttpRequest request;
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path + query))
                    .timeout(Duration.ofSeconds(30))
                    .method(operation.method(), body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(bytes(body)));
            if (body != null) {
                builder.header("Content-Type", operation.mediaType());
            }
            if (caller.token() != null) {
                builder.header("Authorization", "Bearer " + caller.token());
            }
            headers.forEach(builder::header);
            request = builder.build();
        } catch (IllegalArgumentException refusedByTheClient) {
            // A header value no HTTP client can send (a control character); nothing reaches the service.
            return 0;
        }
        Timed answer;
        try {
            answer = timed(request);
            if (answer.took().compareTo(SLOW) > 0) {
                // Once more, to tell a slow answer from a pause of a machine shared with other builds.
                answer = timed(request);
            }
        } catch (IOException e) {
            if (what != null) {
                failures.add(new Failure(operation + " " + kindOf(what) + " no answer",
                        describe(operation, caller, what) + " -> no answer (" + e + ")"));
            }
            return 0;
        }
        HttpResponse<String> response = answer.response();
        Duration took = answer.took();
        int status = response.statusCode();
        String problem = null;
        if (status >= 500) {
            problem = "server error";
        } else if (status >= 400) {
            problem = operation.isFhir() ? notAnOperationOutcome(response) : notAProblem(response);
        }
        if (problem == null && took.compareTo(SLOW) > 0) {
            problem = "slower than " + SLOW.toSeconds() + " s";
        }
        if (problem != null && what != null) {
            failures.add(new Failure(operation + " " + kindOf(what) + " " + status + " " + problem,
                    describe(operation, caller, what) + " -> " + status + " in " + took.toMillis() + " ms: " + problem + " "
                            + shorten(response.body())));
        }
        return status;
    }

    private record Timed(HttpResponse<String> response, Duration took) {
    }

    private Timed timed(HttpRequest request) throws IOException {
        try {
            return timedOnce(request);
        } catch (IOException closedWhileIdle) {
            // A pooled connection the server had just closed; a request that breaks the connection fails twice.
            return timedOnce(request);
        }
    }

    private Timed timedOnce(HttpRequest request) throws IOException {
        requests++;
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Timed(response, Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String notAProblem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/problem+json")) {
            return "Content-Type '" + type + "' is not application/problem+json";
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            if (problem.path("status").asInt() != response.statusCode() || !problem.hasNonNull("title")) {
                return "problem without matching status and title";
            }
        } catch (IOException e) {
            return "problem body is not JSON";
        }
        return null;
    }

    private static String notAnOperationOutcome(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("application/fhir+json")) {
            return "Content-Type '" + type + "' is not application/fhir+json";
        }
        try {
            JsonNode outcome = JSON.readTree(response.body());
            if (!"OperationOutcome".equals(outcome.path("resourceType").asText()) || !outcome.path("issue").isArray()) {
                return "not an OperationOutcome";
            }
        } catch (IOException e) {
            return "OperationOutcome body is not JSON";
        }
        return null;
    }

    /** The hostile class in a description: "body note = NUL ..." is NUL, "body DEEP_ARRAYS" itself. */
    private static String kindOf(String what) {
        int equals = what.indexOf(" = ");
        if (equals < 0) {
            return what;
        }
        String rest = what.substring(equals + 3);
        return rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
    }

    private static String describe(Operation operation, Caller caller, String what) {
        return operation + " [" + what + "] as " + caller.name();
    }

    // ---- the OpenAPI document

    private JsonNode fetchOpenApi() {
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/q/openapi?format=json")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                fail("GET /q/openapi?format=json answered " + response.statusCode());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document could not be read", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<Operation> operations(JsonNode openApi) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                Map.Entry<String, JsonNode> method = methods.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(method.getKey())) {
                    continue;
                }
                JsonNode op = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                for (JsonNode p : concat(path.getValue().path("parameters"), op.path("parameters"))) {
                    JsonNode parameter = resolve(openApi, p);
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(false), resolve(openApi, parameter.path("schema"))));
                }
                String mediaType = null;
                JsonNode bodySchema = null;
                JsonNode content = resolve(openApi, op.path("requestBody")).path("content");
                for (String preferred : List.of("application/json", "application/fhir+json")) {
                    if (content.has(preferred)) {
                        mediaType = preferred;
                        bodySchema = content.path(preferred).path("schema");
                        break;
                    }
                }
                if (mediaType == null && content.fieldNames().hasNext()) {
                    mediaType = content.fieldNames().next();
                    bodySchema = content.path(mediaType).path("schema");
                }
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters, mediaType,
                        bodySchema == null ? null : resolve(openApi, bodySchema)));
            }
        }
        return operations;
    }

    private static List<JsonNode> concat(JsonNode first, JsonNode second) {
        List<JsonNode> all = new ArrayList<>();
        first.forEach(all::add);
        second.forEach(all::add);
        return all;
    }

    private static JsonNode resolve(JsonNode openApi, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; hops < 20 && current.has("$ref"); hops++) {
            current = openApi.at(current.path("$ref").asText().substring(1));
        }
        return current;
    }

    private Map<String, String> baselineParameters(Operation operation, JsonNode openApi) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters()) {
            if (parameter.in().equals("path") || parameter.required()) {
                JsonNode sample = baselineValues.containsKey(parameter.name())
                        ? NODES.textNode(baselineValues.get(parameter.name()))
                        : sample(openApi, parameter.schema(), 0);
                values.put(parameter.in() + ":" + parameter.name(), sample.isTextual() ? sample.asText() : sample.toString());
            }
        }
        return values;
    }

    private JsonNode baselineBody(Operation operation, JsonNode openApi) {
        if (operation.mediaType() == null) {
            return null;
        }
        String given = baselineBodies.get(operation.toString());
        if (given != null) {
            try {
                return JSON.readTree(given);
            } catch (IOException e) {
                throw new IllegalArgumentException("The baseline body for " + operation + " is not JSON", e);
            }
        }
        return operation.bodySchema() == null ? NODES.objectNode() : sample(openApi, operation.bodySchema(), 0);
    }

    /** A plausible value for a schema: its example, its first enum value, or one of its type and format. */
    private static JsonNode sample(JsonNode openApi, JsonNode schemaOrRef, int depth) {
        JsonNode schema = resolve(openApi, schemaOrRef);
        if (schema.has("example")) {
            return schema.get("example");
        }
        if (schema.path("examples").isArray() && !schema.path("examples").isEmpty()) {
            return schema.path("examples").get(0);
        }
        if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
            return schema.path("enum").get(0);
        }
        for (String combinator : List.of("allOf", "oneOf", "anyOf")) {
            if (schema.path(combinator).isArray()) {
                for (JsonNode option : schema.path(combinator)) {
                    JsonNode resolved = resolve(openApi, option);
                    if (!"null".equals(resolved.path("type").asText())) {
                        return sample(openApi, resolved, depth);
                    }
                }
            }
        }
        String format = schema.path("format").asText("");
        switch (type(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                if (depth < 8) {
                    schema.path("properties").fields()
                            .forEachRemaining(p -> object.set(p.getKey(), sample(openApi, p.getValue(), depth + 1)));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = NODES.arrayNode();
                if (depth < 8) {
                    array.add(sample(openApi, schema.path("items"), depth + 1));
                }
                return array;
            }
            case "integer" -> {
                return NODES.numberNode(schema.path("minimum").asLong(1));
            }
            case "number" -> {
                return NODES.numberNode(schema.path("minimum").asDouble(1.0));
            }
            case "boolean" -> {
                return NODES.booleanNode(true);
            }
            default -> {
                return NODES.textNode(switch (format) {
                    case "uuid" -> UUID.randomUUID().toString();
                    case "date" -> "2026-11-20";
                    case "date-time" -> "2026-11-20T10:15:00Z";
                    default -> "text";
                });
            }
        }
    }

    private static String type(JsonNode schema) {
        JsonNode type = schema.path("type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (!"null".equals(t.asText())) {
                    return t.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        return schema.has("properties") ? "object" : "string";
    }

    private static List<Position> positions(Operation operation, JsonNode openApi, JsonNode body) {
        List<Position> positions = new ArrayList<>();
        for (Parameter parameter : operation.parameters()) {
            positions.add(new Position(parameter.in(), parameter.name(), List.of(), sample(openApi, parameter.schema(), 0)));
        }
        if (body != null) {
            positions.add(new Position("body", "", List.of(), body));
            addBodyPositions(positions, body, new ArrayList<>(), "");
        }
        return positions;
    }

    private static void addBodyPositions(List<Position> positions, JsonNode node, List<Object> path, String name) {
        if (node.isObject()) {
            node.fields().forEachRemaining(field -> {
                List<Object> child = new ArrayList<>(path);
                child.add(field.getKey());
                String childName = name.isEmpty() ? field.getKey() : name + "." + field.getKey();
                positions.add(new Position("body", childName, child, field.getValue()));
                addBodyPositions(positions, field.getValue(), child, childName);
            });
        } else if (node.isArray() && !node.isEmpty()) {
            List<Object> child = new ArrayList<>(path);
            child.add(0);
            positions.add(new Position("body", name + "[0]", child, node.get(0)));
            addBodyPositions(positions, node.get(0), child, name + "[0]");
        }
    }

    private static JsonNode set(JsonNode root, List<Object> path, JsonNode value) {
        JsonNode parent = root;
        for (Object step : path.subList(0, path.size() - 1)) {
            parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
        }
        Object last = path.get(path.size() - 1);
        if (last instanceof Integer index) {
            ((ArrayNode) parent).set(index, value);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
        return root;
    }

    // ---- the hostile values

    private static List<String> textValues(Hostile hostile, int longest) {
        return switch (hostile) {
            case NUL -> List.of("a\u0000b", "\u0000");
            case CONTROL_CHARACTERS -> List.of("\u0001\u0008\u001b[31m\u007f", "line\r\nInjected: yes", "\u009f\u200b");
            case LONE_SURROGATE -> List.of("\ud800", "x\udfffy");
            // Percent-encoded, each é is six characters of the request line.
            case HUGE_STRING -> List.of("A".repeat(longest), "\u00e9".repeat(longest / 6));
            case NUMERIC_EXTREME -> List.of("2147483647", "2147483648", "-1", "-2147483649", "9223372036854775808",
                    "1e309", "-0", "NaN");
            case WRONG_TYPE -> List.of("abc", "[]", "{}", "true", "3.5");
            case UNKNOWN_ENUM -> List.of("NOT_A_VALUE", "accepted", "*");
            case BAD_UUID -> List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g", "00000000-0000-0000-0000-000000000000",
                    "' OR 1=1 --");
            case BAD_DATE -> List.of("2026-02-30", "0000-00-00", "+999999999-12-31", "2026-11-20T25:61:00Z", "2026-13",
                    "-999999999-01-01T00:00:00Z");
            case EMPTY -> List.of("", " ");
        };
    }

    private static List<JsonNode> bodyValues(Hostile hostile, JsonNode baseline) {
        if (hostile == Hostile.NUMERIC_EXTREME) {
            return List.of(number("2147483647"), number("2147483648"), number("-1"), number("-2147483649"),
                    number("9223372036854775808"), number("1e309"), number("-1e309"), number("1" + "0".repeat(900)),
                    number("0.0000000000000000000000001"));
        }
        if (hostile == Hostile.WRONG_TYPE) {
            List<JsonNode> wrong = new ArrayList<>();
            if (!baseline.isTextual()) {
                wrong.add(NODES.textNode("abc"));
            }
            if (!baseline.isNumber()) {
                wrong.add(NODES.numberNode(42));
            }
            if (!baseline.isObject()) {
                wrong.add(NODES.objectNode().put("unexpected", true));
            }
            if (!baseline.isArray()) {
                wrong.add(NODES.arrayNode().add("x"));
            }
            wrong.add(NODES.booleanNode(false));
            wrong.add(NODES.nullNode());
            return wrong;
        }
        if (hostile == Hostile.HUGE_STRING) {
            return List.of(NODES.textNode("A".repeat(HUGE)), NODES.textNode("\u00e9".repeat(HUGE / 2)));
        }
        return textValues(hostile, HUGE).stream().map(v -> (JsonNode) NODES.textNode(v)).toList();
    }

    private static JsonNode number(String literal) {
        try {
            return JSON.readTree(literal);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hostileBody(HostileBody hostile, JsonNode baseline) {
        return switch (hostile) {
            case DEEP_ARRAYS -> "[".repeat(DEPTH) + "]".repeat(DEPTH);
            case DEEP_OBJECTS -> "{\"a\":".repeat(DEPTH) + "1" + "}".repeat(DEPTH);
            case WIDE_OBJECT -> {
                StringBuilder wide = new StringBuilder("{");
                for (int i = 0; i < 10_000; i++) {
                    wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":").append(i);
                }
                yield wide.append('}').toString();
            }
            case LONG_ARRAY -> {
                ObjectNode withArray = baseline != null && baseline.isObject() ? (ObjectNode) baseline.deepCopy()
                        : NODES.objectNode();
                ArrayNode array = withArray.putArray(firstArrayField(withArray).orElse("items"));
                for (int i = 0; i < 30_000; i++) {
                    array.add("x");
                }
                yield withArray.toString();
            }
            case OVER_SIZE_LIMIT -> "{\"pad\":\"" + "A".repeat(11 * 1024 * 1024) + "\"}";
            case MALFORMED -> "{\"a\": ";
            case WRONG_ROOT -> "[]";
            case INVALID_UTF8 -> "{\"a\":\"\u0080\"}";
        };
    }

    private static Optional<String> firstArrayField(ObjectNode object) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = object.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().isArray()) {
                return Optional.of(field.getKey());
            }
        }
        return Optional.empty();
    }

    /**
     * ISO-8859-1 for the invalid-UTF-8 body, so its lone 0x80 byte reaches the service as such; else
     * UTF-8, with an unpaired surrogate written as its JSON escape (UTF-8 has no bytes for it, and
     * String.getBytes would send a '?' instead).
     */
    private static byte[] bytes(String body) {
        if (body.equals(hostileBody(HostileBody.INVALID_UTF8, null))) {
            return body.getBytes(StandardCharsets.ISO_8859_1);
        }
        StringBuilder escaped = new StringBuilder(body.length());
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < body.length() && Character.isLowSurrogate(body.charAt(i + 1));
            if (paired) {
                escaped.append(c).append(body.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Percent-encoding that keeps a lone surrogate as its (invalid) three UTF-8 bytes instead of a '?'. */
    private static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (int i = 0; i < value.length();) {
            int codePoint = value.codePointAt(i);
            if (Character.isSurrogate((char) codePoint)) {
                encoded.append(String.format("%%%02X%%%02X%%%02X", 0xE0 | (codePoint >> 12), 0x80 | ((codePoint >> 6) & 0x3F),
                        0x80 | (codePoint & 0x3F)));
            } else {
                encoded.append(URLEncoder.encode(new String(Character.toChars(codePoint)), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
            i += Character.charCount(codePoint);
        }
        return encoded.toString();
    }

    private static String shorten(String text) {
        String visible = text.length() > 80 ? text.substring(0, 80) + "…(" + text.length() + " chars)" : text;
        StringBuilder escaped = new StringBuilder();
        visible.codePoints().forEach(cp -> {
            if (cp < 0x20 || cp == 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) {
                escaped.append(String.format("\\u%04x", cp));
            } else {
                escaped.appendCodePoint(cp);
            }
        });
        return escaped.toString();
    }
}
