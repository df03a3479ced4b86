package org.linkwork.load;

import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * A link worker's directory search, as the suggestions screen makes it: free text, a taxonomy term of the
 * directory being searched, a Leeds postcode and 5 km, one page. With a token (gp-system's), so the open-data
 * rate limit for anonymous readers does not apply. Whatever the directory holds is searched: the demo's Leeds
 * directory, or a larger one loaded beforehand.
 */
public class DirectorySearchSimulation extends Simulation {

    private static final List<String> TEXTS = List.of("walking", "art", "gardening", "choir", "befriending", "cooking",
            "debt", "swimming", "yoga", "coffee");
    private static final List<String> POSTCODES = List.of("LS6 4AA", "LS1 4AP", "LS9 8AX", "LS11 5DT", "LS17 6JB", "LS8 2HZ");
    private static final Pattern TERM_ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final Supplier<String> reader = new Realm().client("gp-system");
    private final List<String> terms = taxonomyTerms();
    private final String perPage = System.getProperty("load.perPage", "15");
    /** true: fully nested services; false: HSDS service_list, the compact page. */
    private final String full = System.getProperty("load.full", "true");

    {
        ScenarioBuilder measured = scenario("directory search").exec(search());
        setUp(measured.injectClosed(constantConcurrentUsers(LoadSettings.CLIENTS).during(LoadSettings.DURATION)))
                .protocols(http.baseUrl(LoadSettings.GATEWAY).shareConnections())
                .assertions(global().failedRequests().count().is(0L));
    }

    private io.gatling.javaapi.core.ChainBuilder search() {
        return exec(http("GET /directory/services?text&taxonomy_term_id&postcode&proximity")
                .get(session -> "/directory/services?text=" + pick(TEXTS) + "&taxonomy_term_id=" + pick(terms)
                        + "&postcode=" + URLEncoder.encode(pick(POSTCODES), StandardCharsets.UTF_8)
                        + "&proximity=5000&per_page=" + perPage + "&full=" + full)
                .header("Authorization", session -> "Bearer " + reader.get())
                .check(status().is(200)));
    }

    private static String pick(List<String> from) {
        return from.get(ThreadLocalRandom.current().nextInt(from.size()));
    }

    /** The directory's own terms (open data), so that the searches filter on terms that exist. */
    private static List<String> taxonomyTerms() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(LoadSettings.GATEWAY + "/directory/taxonomy_terms?per_page=200")).build(),
                    HttpResponse.BodyHandlers.ofString());
            List<String> ids = new ArrayList<>();
            Matcher id = TERM_ID.matcher(response.body());
            while (id.find()) {
                ids.add(id.group(1));
            }
            if (response.statusCode() != 200 || ids.isEmpty()) {
                throw new IllegalStateException("GET /directory/taxonomy_terms answered " + response.statusCode()
                        + " with no term ids: is the suite up and the directory loaded?");
            }
            return ids;
        } catch (IOException e) {
            throw new IllegalStateException("gateway " + LoadSettings.GATEWAY + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
