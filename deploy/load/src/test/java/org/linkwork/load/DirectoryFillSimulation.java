package org.linkwork.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * Fills the running suite's directory to {@code load.directory.services} listed (active) services (100,000) through its own ORUK
 * import, as the curator curator-jo, so that {@link DirectorySearchSimulation} can search a directory of that size.
 * The services are copies of the Leeds demo export: copy k gives every id of the export a name-based UUID of its own
 * (the taxonomy's ids are kept, so the copies share the directory's terms) and is moved elsewhere in England.
 * The import is idempotent by id, so a fill that was cut short is run again from where the directory's count says
 * it stopped. Pages of {@value #PER_PAGE} services stay under the gateway's 1 MiB body limit.
 */
public class DirectoryFillSimulation extends Simulation {

    private static final int PER_PAGE = 170;
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ArrayNode export = demoExport();
    private final Set<String> taxonomyIds = taxonomyIds(export);
    /** The directory lists only active services: the export's active ones are what a copy adds to the count. */
    private final int listed = (int) StreamSupport.stream(export.spliterator(), false)
            .filter(service -> "active".equals(service.path("status").asText())).count();
    private final int target = Integer.getInteger("load.directory.services", 100_000);
    private final int pagesPerCopy = (export.size() + PER_PAGE - 1) / PER_PAGE;
    /** Copies beyond the demo itself that reach the target: ceil(target / listed) - 1. */
    private final int copiesWanted = Math.max(0, (target + listed - 1) / listed - 1);
    /** Copies already in the directory, from its count once: pages are imported in order, each in one transaction. */
    private final int copiesLoaded = Math.max(0, servicesInDirectory() / listed - 1);
    private final int pages = Math.max(0, (copiesWanted - copiesLoaded) * pagesPerCopy);
    private final AtomicInteger nextPage = new AtomicInteger(copiesLoaded * pagesPerCopy);

    {
        Iterator<Map<String, Object>> feeder = new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                return Map.of("page", page(nextPage.getAndIncrement()));
            }
        };
        var curator = new Realm().user("curator-jo");
        ScenarioBuilder fill = scenario("directory fill").exec(repeat(pages).on(feed(feeder).exec(
                http("POST /directory/curation/import").post("/directory/curation/import")
                        .header("Authorization", session -> "Bearer " + curator.get())
                        .header("Content-Type", "application/json")
                        .body(StringBody("#{page}"))
                        .check(status().is(200), jsonPath("$.created").ofInt().gte(0))))
                // Whether anything was imported or not, the directory must now list the services asked for.
                .exec(http("GET /directory/services (count)").get("/directory/services?per_page=1&full=false")
                        .check(status().is(200), jsonPath("$.total_items").ofInt().gte(target))));
        setUp(fill.injectOpen(atOnceUsers(1)))
                .protocols(http.baseUrl(LoadSettings.GATEWAY))
                .assertions(global().failedRequests().count().is(0L));
    }

    /**
     * Page p of the copies: copy 1 is the first page's (copy 0 is the demo itself, already loaded). As in the
     * directory's own benchmark, 30% of the copies are moved within West Yorkshire and the rest across England, each
     * copy as a whole (a town's directory keeps its shape), each location then by up to 1.5 km more.
     */
    private String page(int p) {
        int copy = 1 + p / pagesPerCopy;
        int from = (p % pagesPerCopy) * PER_PAGE;
        Random place = new Random(copy);
        boolean westYorkshire = place.nextDouble() < 0.3;
        double latitudeShift = westYorkshire ? (place.nextDouble() - 0.5) * 0.24 : -3.0 + place.nextDouble() * 4.0;
        double longitudeShift = westYorkshire ? (place.nextDouble() - 0.5) * 0.4 : -1.3 + place.nextDouble() * 3.1;
        Random move = new Random(copy * 31L + p);
        ArrayNode page = JSON.createArrayNode();
        for (int i = from; i < Math.min(from + PER_PAGE, export.size()); i++) {
            JsonNode service = export.get(i).deepCopy();
            renumber(service, copy);
            for (JsonNode at : service.path("service_at_locations")) {
                ObjectNode location = (ObjectNode) at.path("location");
                location.put("latitude", location.path("latitude").asDouble() + latitudeShift + (move.nextDouble() - 0.5) * 0.027);
                location.put("longitude", location.path("longitude").asDouble() + longitudeShift + (move.nextDouble() - 0.5) * 0.045);
            }
            page.add(service);
        }
        return page.toString();
    }

    /** Every id in the tree becomes copy k's own, the same every time, except the taxonomy's. */
    private void renumber(JsonNode node, int copy) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (value.isTextual() && UUID_TEXT.matcher(value.asText()).matches() && !taxonomyIds.contains(value.asText())) {
                    field.setValue(new TextNode(UUID.nameUUIDFromBytes(("copy " + copy + " " + value.asText())
                            .getBytes(StandardCharsets.UTF_8)).toString()));
                } else {
                    renumber(value, copy);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> renumber(element, copy));
        }
    }

    private static int servicesInDirectory() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(LoadSettings.GATEWAY + "/directory/services?per_page=1&full=false")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET /directory/services answered " + response.statusCode());
            }
            return JSON.readTree(response.body()).path("total_items").asInt();
        } catch (IOException e) {
            throw new UncheckedIOException("gateway " + LoadSettings.GATEWAY + " unreachable", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode demoExport() {
        try (InputStream in = DirectoryFillSimulation.class.getResourceAsStream("/leeds-directory.json")) {
            return (ArrayNode) JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> taxonomyIds(ArrayNode export) {
        Set<String> ids = new HashSet<>();
        for (JsonNode service : export) {
            for (JsonNode attribute : service.path("attributes")) {
                ids.add(attribute.path("taxonomy_term_id").asText());
                ids.add(attribute.path("taxonomy_term").path("taxonomy_id").asText());
            }
        }
        return ids;
    }
}
