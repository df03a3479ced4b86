package org.linkwork.manifests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code kustomize build} does with the subset of Kustomize these manifests use, and a
 * loud failure for anything else (no kustomize binary exists on the build machines).
 *
 * <p>Supported: {@code resources} (files and directories, recursively), {@code configMapGenerator}
 * with {@code files} and {@code literals} and the behaviours create/merge/replace (only with
 * {@code generatorOptions.disableNameSuffixHash: true}: the hash suffix and the name-reference
 * rewriting it needs are not reproduced), {@code patches} in JSON 6902 form (inline or from a
 * file) selected by group/version/kind/name/namespace, {@code namespace} and {@code images}.
 * Unknown fields, remote resources, strategic-merge patches, a patch target that matches
 * nothing and two resources with the same id all fail the build, as they would mislead.
 */
final class Kustomize {

    private static final Set<String> SUPPORTED_FIELDS = Set.of(
            "apiVersion", "kind", "metadata", "resources", "configMapGenerator", "generatorOptions",
            "patches", "namespace", "images");

    /** Kinds that live outside namespaces (among those kustomize knows and these manifests could use). */
    private static final Set<String> CLUSTER_SCOPED = Set.of(
            "Namespace", "ClusterRole", "ClusterRoleBinding", "CustomResourceDefinition", "PersistentVolume",
            "StorageClass", "PriorityClass", "IngressClass", "ValidatingWebhookConfiguration",
            "MutatingWebhookConfiguration", "ClusterIssuer");

    /** The rendered resources and every file that went into them. */
    record Build(List<ObjectNode> resources, Set<Path> filesRead) {
    }

    private final Set<Path> filesRead = new LinkedHashSet<>();

    private Kustomize() {
    }

    static Build build(Path dir) {
        Kustomize k = new Kustomize();
        List<ObjectNode> resources = k.run(dir.toAbsolutePath().normalize(), new ArrayList<>());
        return new Build(resources, Set.copyOf(k.filesRead));
    }

    private List<ObjectNode> run(Path dir, List<Path> stack) {
        if (stack.contains(dir)) {
            throw new KustomizeException("cycle in resources: " + stack + " -> " + dir);
        }
        stack.add(dir);
        Path file = kustomizationFile(dir);
        JsonNode k = Yaml.readSingle(file);
        filesRead.add(file);
        for (Iterator<String> it = k.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!SUPPORTED_FIELDS.contains(field)) {
                throw new KustomizeException(file + ": field '" + field + "' is not supported by this renderer");
            }
        }
        require("Kustomization".equals(k.path("kind").asText("Kustomization")), file + ": kind must be Kustomization");

        List<ObjectNode> acc = new ArrayList<>();
        for (JsonNode r : k.path("resources")) {
            String ref = r.asText();
            require(!ref.contains("://") && !ref.startsWith("github.com/"), file + ": remote resource " + ref);
            Path p = dir.resolve(ref).normalize();
            if (Files.isDirectory(p)) {
                acc.addAll(run(p, stack));
            } else if (Files.isRegularFile(p)) {
                filesRead.add(p);
                for (JsonNode doc : Yaml.readAll(p)) {
                    require(doc instanceof ObjectNode, p + ": a document is not a mapping");
                    acc.add((ObjectNode) doc);
                }
            } else {
                throw new KustomizeException(file + ": resource " + ref + " does not exist (" + p + ")");
            }
        }

        generateConfigMaps(dir, file, k, acc);
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, file, patch, acc);
        }
        if (k.hasNonNull("namespace")) {
            String ns = k.get("namespace").asText();
            for (ObjectNode res : acc) {
                if (!CLUSTER_SCOPED.contains(res.path("kind").asText())) {
                    object(res, "metadata").put("namespace", ns);
                }
            }
        }
        for (JsonNode image : k.path("images")) {
            applyImage(file, image, acc);
        }
        checkUnique(file, acc);
        stack.remove(stack.size() - 1);
        return acc;
    }

    private static Path kustomizationFile(Path dir) {
        for (String name : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new KustomizeException(dir + " has no kustomization.yaml");
    }

    private void generateConfigMaps(Path dir, Path file, JsonNode k, List<ObjectNode> acc) {
        if (!k.has("configMapGenerator")) {
            return;
        }
        require(k.path("generatorOptions").path("disableNameSuffixHash").asBoolean(false),
                file + ": configMapGenerator needs generatorOptions.disableNameSuffixHash: true here"
                        + " (name hashes and reference rewriting are not reproduced)");
        for (JsonNode gen : k.get("configMapGenerator")) {
            String name = gen.path("name").asText(null);
            require(name != null, file + ": configMapGenerator without a name");
            for (Iterator<String> it = gen.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                require(Set.of("name", "behavior", "files", "literals").contains(f),
                        file + ": configMapGenerator field '" + f + "' is not supported");
            }
            ObjectNode data = Yaml.MAPPER.createObjectNode();
            for (JsonNode f : gen.path("files")) {
                String spec = f.asText();
                String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : Path.of(spec).getFileName().toString();
                Path p = dir.resolve(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec).normalize();
                require(p.startsWith(dir), file + ": " + spec + " is outside the kustomization root (kustomize refuses that)");
                require(Files.isRegularFile(p), file + ": configMapGenerator file " + spec + " does not exist");
                filesRead.add(p);
                try {
                    data.put(key, Files.readString(p, StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new KustomizeException(p + ": " + e.getMessage());
                }
            }
            for (JsonNode l : gen.path("literals")) {
                String lit = l.asText();
                int eq = lit.indexOf('=');
                require(eq > 0, file + ": literal without '=': " + lit);
                data.put(lit.substring(0, eq), lit.substring(eq + 1));
            }
            String behavior = gen.path("behavior").asText("create");
            ObjectNode existing = acc.stream()
                    .filter(r -> "ConfigMap".equals(r.path("kind").asText()) && name.equals(Yaml.name(r)))
                    .findFirst().orElse(null);
            switch (behavior) {
                case "create" -> {
                    require(existing == null, file + ": ConfigMap " + name + " already exists (use behavior: merge)");
                    ObjectNode cm = Yaml.MAPPER.createObjectNode();
                    cm.put("apiVersion", "v1");
                    cm.put("kind", "ConfigMap");
                    cm.putObject("metadata").put("name", name);
                    cm.set("data", data);
                    acc.add(cm);
                }
                case "merge" -> {
                    require(existing != null, file + ": behavior merge but no ConfigMap " + name + " below");
                    object(existing, "data").setAll(data);
                }
                case "replace" -> {
                    require(existing != null, file + ": behavior replace but no ConfigMap " + name + " below");
                    existing.set("data", data);
                }
                default -> throw new KustomizeException(file + ": unknown behavior " + behavior);
            }
        }
    }

    private void applyPatch(Path dir, Path file, JsonNode patch, List<ObjectNode> acc) {
        String text;
        if (patch.has("path")) {
            Path p = dir.resolve(patch.get("path").asText()).normalize();
            require(Files.isRegularFile(p), file + ": patch file " + p + " does not exist");
            filesRead.add(p);
            try {
                text = Files.readString(p, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new KustomizeException(p + ": " + e.getMessage());
            }
        } else {
            require(patch.has("patch"), file + ": a patch needs 'path' or 'patch'");
            text = patch.get("patch").asText();
        }
        JsonNode ops = Yaml.readSingle(text, file + " (patch)");
        require(ops.isArray(), file + ": only JSON 6902 patches (a list of operations) are supported, not strategic merge");
        JsonNode target = patch.path("target");
        require(target.isObject(), file + ": a JSON 6902 patch needs a target");
        for (Iterator<String> it = target.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            require(Set.of("group", "version", "kind", "name", "namespace").contains(f),
                    file + ": patch target field '" + f + "' is not supported");
        }
        int matched = 0;
        for (ObjectNode res : acc) {
            if (matches(target, res)) {
                JsonPatch.apply(res, (ArrayNode) ops, file + " on " + Yaml.id(res));
                matched++;
            }
        }
        require(matched > 0, file + ": patch target " + target + " matches no resource");
    }

    private static boolean matches(JsonNode target, ObjectNode res) {
        String apiVersion = res.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String version = apiVersion.contains("/") ? apiVersion.substring(apiVersion.indexOf('/') + 1) : apiVersion;
        return field(target, "group", group)
                && field(target, "version", version)
                && field(target, "kind", res.path("kind").asText())
                && (!target.has("name") || Yaml.name(res).matches(target.get("name").asText()))
                && field(target, "namespace", res.path("metadata").path("namespace").asText(""));
    }

    private static boolean field(JsonNode target, String name, String actual) {
        return !target.has(name) || target.get(name).asText().equals(actual);
    }

    private static void applyImage(Path file, JsonNode image, List<ObjectNode> acc) {
        String name = image.path("name").asText(null);
        require(name != null, file + ": images entry without a name");
        int used = 0;
        for (ObjectNode res : acc) {
            JsonNode podSpec = res.path("spec").path("template").path("spec");
            for (String list : List.of("containers", "initContainers")) {
                for (JsonNode c : podSpec.path(list)) {
                    String ref = c.path("image").asText();
                    String repo = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
                    int colon = repo.lastIndexOf(':');
                    String tag = colon > repo.lastIndexOf('/') ? repo.substring(colon + 1) : null;
                    repo = tag != null ? repo.substring(0, colon) : repo;
                    if (!repo.equals(name)) {
                        continue;
                    }
                    String newRepo = image.path("newName").asText(repo);
                    String newTag = image.path("newTag").asText(tag);
                    String result = image.has("digest") ? newRepo + "@" + image.get("digest").asText()
                            : newTag != null ? newRepo + ":" + newTag : newRepo;
                    ((ObjectNode) c).put("image", result);
                    used++;
                }
            }
        }
        require(used > 0, file + ": image " + name + " is used by no container");
    }

    private static void checkUnique(Path file, List<ObjectNode> acc) {
        Set<String> ids = new LinkedHashSet<>();
        for (ObjectNode r : acc) {
            require(ids.add(Yaml.id(r)), file + ": two resources with the id " + Yaml.id(r));
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        JsonNode child = parent.get(field);
        if (child instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new KustomizeException(message);
        }
    }

    static final class KustomizeException extends RuntimeException {
        KustomizeException(String message) {
            super(message);
        }
    }

    /** RFC 6902 add, remove, replace and test: the operations kustomize patches here use. */
    static final class JsonPatch {
        private JsonPatch() {
        }

        static void apply(ObjectNode doc, ArrayNode ops, String where) {
            for (JsonNode op : ops) {
                String kind = op.path("op").asText();
                String path = op.path("path").asText(null);
                require(path != null && path.startsWith("/"), where + ": bad path in " + op);
                List<String> tokens = pointer(path);
                JsonNode parent = doc;
                for (String t : tokens.subList(0, tokens.size() - 1)) {
                    parent = child(parent, t);
                    require(parent != null, where + ": " + path + " does not exist");
                }
                String last = tokens.get(tokens.size() - 1);
                switch (kind) {
                    case "add" -> add(parent, last, value(op, where), where, path);
                    case "replace" -> {
                        require(child(parent, last) != null, where + ": replace " + path + ": no such member");
                        set(parent, last, value(op, where));
                    }
                    case "remove" -> {
                        require(child(parent, last) != null, where + ": remove " + path + ": no such member");
                        if (parent instanceof ObjectNode o) {
                            o.remove(last);
                        } else {
                            ((ArrayNode) parent).remove(Integer.parseInt(last));
                        }
                    }
                    case "test" -> require(Objects.equals(child(parent, last), value(op, where)),
                            where + ": test " + path + " failed");
                    default -> throw new KustomizeException(where + ": op '" + kind + "' is not supported");
                }
            }
        }

        private static JsonNode value(JsonNode op, String where) {
            require(op.has("value"), where + ": " + op + " needs a value");
            return op.get("value").deepCopy();
        }

        private static List<String> pointer(String path) {
            List<String> tokens = new ArrayList<>();
            for (String t : path.substring(1).split("/", -1)) {
                tokens.add(t.replace("~1", "/").replace("~0", "~"));
            }
            return tokens;
        }

        private static JsonNode child(JsonNode node, String token) {
            if (node instanceof ObjectNode o) {
                return o.get(token);
            }
            if (node instanceof ArrayNode a && token.matches("\\d+")) {
                int i = Integer.parseInt(token);
                return i < a.size() ? a.get(i) : null;
            }
            return null;
        }

        private static void add(JsonNode parent, String token, JsonNode value, String where, String path) {
            if (parent instanceof ObjectNode o) {
                o.set(token, value);
            } else if (parent instanceof ArrayNode a) {
                if ("-".equals(token)) {
                    a.add(value);
                } else {
                    int i = Integer.parseInt(token);
                    require(i <= a.size(), where + ": add " + path + ": index out of range");
                    a.insert(i, value);
                }
            } else {
                throw new KustomizeException(where + ": add " + path + ": parent is not a container");
            }
        }

        private static void set(JsonNode parent, String token, JsonNode value) {
            if (parent instanceof ObjectNode o) {
                o.set(token, value);
            } else {
                ((ArrayNode) parent).set(Integer.parseInt(token), value);
            }
        }
    }

    /** Resources of one kind in a build, by name. */
    static Map<String, ObjectNode> byName(List<ObjectNode> resources, String kind) {
        Map<String, ObjectNode> out = new java.util.LinkedHashMap<>();
        for (ObjectNode r : resources) {
            if (kind.equals(r.path("kind").asText())) {
                out.put(Yaml.name(r), r);
            }
        }
        return out;
    }
}
