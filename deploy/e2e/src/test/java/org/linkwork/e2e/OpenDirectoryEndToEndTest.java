package org.linkwork.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.linkwork.local.GatewayClient;
import org.linkwork.local.PatientJourney;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The directory's Open Referral UK feed and the published documents, through the real gateway
 * without a token, and the security headers on what the gateway answers. The rate-limit test runs
 * last: it empties this machine's bucket of reads without a token.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OpenDirectoryEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String ORIGIN = "https://activities.example.org";
    private static final List<String> DOCUMENTS = List.of("/openapi/referral", "/openapi/directory", "/openapi/caseload",
            "/openapi/outcomes", "/asyncapi/referral-events.yaml", "/asyncapi/directory-events.yaml",
            "/asyncapi/caseload-events.yaml", "/asyncapi/outcome-events.yaml", "/asyncapi/ics-events.yaml",
            "/asyncapi/gp-record-events.yaml", "/directory/");

    private HttpClient http;
    private URI gatewayUrl;
    private GatewayClient gateway;
    private PatientJourney.Walked walked;

    @BeforeAll
    void startTheSuite() {
        RunningSuite running = RunningSuite.get();
        http = running.suite.http();
        gatewayUrl = URI.create(running.suite.gatewayUrl() + "/");
        gateway = running.gateway;
        walked = running.walked;
    }

    private HttpResponse<String> send(String method, String pathOrUrl, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(gatewayUrl.resolve(pathOrUrl)).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(method + " " + pathOrUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }

    private HttpResponse<String> get(String pathOrUrl) {
        return send("GET", pathOrUrl, Map.of("Origin", ORIGIN, "Accept", "application/json"));
    }

    private static String header(HttpResponse<?> response, String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    private static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + response.body(), e);
        }
    }

    @Test
    @Order(1)
    void theOrukReadsAnswerWithoutATokenToAnyOriginAndWithoutCapacity() {
        HttpResponse<String> services = get("/directory/services?search=walk&per_page=5");
        assertEquals(200, services.statusCode(), services.body());
        JsonNode first = json(services).get("contents").get(0);
        assertNotNull(first, services.body());
        assertFalse(first.has("capacity"), "places taken are not open data: " + first);
        String service = first.get("id").asText();
        String organization = first.get("organization_id").asText();
        String term = first.get("attributes").get(0).get("taxonomy_term_id").asText();
        String serviceAtLocation = first.get("service_at_locations").get(0).get("id").asText();

        for (String path : List.of("/directory/", "/directory/services/" + service, "/directory/taxonomies",
                "/directory/taxonomy_terms", "/directory/taxonomy_terms/" + term, "/directory/organizations",
                "/directory/organizations/" + organization, "/directory/service_at_locations?organization_id=" + organization,
                "/directory/service_at_locations/" + serviceAtLocation)) {
            HttpResponse<String> response = get(path);
            assertEquals(200, response.statusCode(), path + " " + response.body());
            assertEquals("*", header(response, "Access-Control-Allow-Origin"), path);
            assertEquals(List.of("*"), response.headers().allValues("Access-Control-Allow-Origin"), path + ": once");
            assertTrue(header(response, "Cache-Control").startsWith("public, max-age="), path + " " + header(response, "Cache-Control"));
        }
        assertEquals(200, send("HEAD", "/directory/services", Map.of()).statusCode());
    }

    @Test
    @Order(2)
    void aCorsPreflightIsAnsweredWithoutAToken() {
        HttpResponse<String> preflight = send("OPTIONS", "/directory/services", Map.of("Origin", ORIGIN,
                "Access-Control-Request-Method", "GET", "Access-Control-Request-Headers", "authorization"));
        assertEquals(204, preflight.statusCode(), preflight.body());
        assertEquals("*", header(preflight, "Access-Control-Allow-Origin"));
        assertTrue(header(preflight, "Access-Control-Allow-Methods").contains("GET"));
    }

    @Test
    @Order(3)
    void curationAndOtherMethodsStillNeedATokenAtTheGateway() {
        for (String[] call : List.of(new String[] { "POST", "/directory/curation/services" },
                new String[] { "GET", "/directory/curation/services" }, new String[] { "POST", "/directory/services" },
                new String[] { "PUT", "/directory/services/x" }, new String[] { "DELETE", "/directory/organizations/x" },
                new String[] { "OPTIONS", "/directory/curation/services" })) {
            HttpResponse<String> response = send(call[0], call[1], Map.of("Origin", ORIGIN));
            assertEquals(401, response.statusCode(), call[0] + " " + call[1]);
            assertEquals("application/problem+json", header(response, "Content-Type"), call[0] + " " + call[1]);
        }
        String linkWorker = gateway.userToken(walked.linkWorker());
        HttpResponse<String> forbidden = send("POST", "/directory/curation/services", Map.of("Authorization", "Bearer " + linkWorker));
        assertEquals(403, forbidden.statusCode(), forbidden.body());
    }

    @Test
    @Order(4)
    void patientDataAndTheGatewaysOwnAnswersCarryTheSecurityHeaders() {
        String gp = gateway.userToken("dr-patel");
        HttpResponse<String> referral = send("GET", "/referrals/" + walked.referralId(), Map.of("Authorization", "Bearer " + gp));
        assertEquals(200, referral.statusCode(), referral.body());
        HttpResponse<String> refused = send("GET", "/referrals/" + walked.referralId(), Map.of());
        assertEquals(401, refused.statusCode());
        HttpResponse<String> unknown = send("GET", "/no-such-route", Map.of());
        assertTrue(unknown.statusCode() >= 400 && unknown.statusCode() < 500, "a path no route serves: " + unknown.statusCode());
        for (HttpResponse<String> response : List.of(referral, refused, unknown)) {
            String what = response.request().uri() + " " + response.statusCode();
            assertEquals(List.of("no-store"), response.headers().allValues("Cache-Control"), what);
            assertEquals(List.of("nosniff"), response.headers().allValues("X-Content-Type-Options"), what);
            assertEquals(List.of("default-src 'none'; frame-ancestors 'none'"), response.headers().allValues("Content-Security-Policy"), what);
        }
        assertEquals("nosniff", header(get("/directory/taxonomies"), "X-Content-Type-Options"));
    }

    @Test
    @Order(5)
    void everyLinkInEveryPublishedDocumentResolvesThroughTheGatewayWithoutAToken() throws IOException {
        int followed = 0;
        for (String document : DOCUMENTS) {
            URI url = gatewayUrl.resolve(document);
            HttpResponse<String> response = get(url.toString());
            assertEquals(200, response.statusCode(), document + " " + response.body());
            JsonNode tree = document.endsWith(".yaml") ? YAML.readTree(response.body()) : JSON.readTree(response.body());
            for (String link : links(tree)) {
                if (link.startsWith("#")) {
                    assertFalse(tree.at(link.substring(1)).isMissingNode(), document + ": " + link + " points at nothing");
                    continue;
                }
                URI target = url.resolve(link);
                if (target.getHost() != null && !target.getAuthority().equals(gatewayUrl.getAuthority())) {
                    continue;
                }
                HttpResponse<String> resolved = get(target.toString());
                assertEquals(200, resolved.statusCode(), document + ": " + link + " -> " + target + " " + resolved.body());
                JSON.readTree(resolved.body());
                followed++;
            }
        }
        // 24 event schemas across the five AsyncAPI documents, plus the directory root's openapi_url.
        assertTrue(followed >= 25, followed + " links followed");
        String openapiUrl = json(get("/directory/")).get("openapi_url").asText();
        assertEquals(gatewayUrl.resolve("/openapi/directory").toString(), openapiUrl);
    }

    /** Every {@code $ref} and every absolute URL or {@code *_url} value in a document. */
    private static Set<String> links(JsonNode node) {
        Set<String> links = new LinkedHashSet<>();
        List<JsonNode> pending = new ArrayList<>(List.of(node));
        while (!pending.isEmpty()) {
            JsonNode next = pending.remove(pending.size() - 1);
            for (Iterator<Map.Entry<String, JsonNode>> fields = next.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (value.isTextual() && (field.getKey().equals("$ref") || field.getKey().endsWith("_url")
                        || value.asText().startsWith("http://") || value.asText().startsWith("https://"))) {
                    links.add(value.asText());
                }
            }
            next.elements().forEachRemaining(pending::add);
        }
        return links;
    }

    @Test
    @Order(6)
    void aClientThatFloodsTheOpenFeedGets429WithRetryAfterWhileTokenHoldersGoOn() {
        // Each directory replica keeps its own allowance (the gateway spreads reads over them), so the flood goes on
        // until several reads in a row are refused: then every replica has refused.
        int refusedInARow = 0;
        for (int i = 0; i < 1200 && refusedInARow < 5; i++) {
            HttpResponse<String> response = send("HEAD", "/directory/", Map.of());
            if (response.statusCode() == 429) {
                refusedInARow++;
            } else {
                assertEquals(200, response.statusCode());
                refusedInARow = 0;
            }
        }
        assertEquals(5, refusedInARow, "five reads in a row refused within 1,200 reads without a token");
        // The allowance refills (120 a minute, one read every 0.5 s, per replica), so on a busy machine a read after the
        // refusal may be let through again. Small pages keep the reads faster than two replicas refill (in one CI run
        // none of ten reads of a full page of 50 was refused).
        HttpResponse<String> refused = null;
        for (int i = 0; i < 40 && refused == null; i++) {
            HttpResponse<String> read = get("/directory/services?per_page=1");
            refused = read.statusCode() == 429 ? read : null;
        }
        assertNotNull(refused, "reads without a token still answered after the flood was refused");
        assertEquals(429, refused.statusCode(), refused.body());
        assertEquals("application/problem+json", header(refused, "Content-Type"));
        assertEquals(429, json(refused).get("status").asInt());
        long retryAfter = Long.parseLong(header(refused, "Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After " + retryAfter);
        assertEquals("*", header(refused, "Access-Control-Allow-Origin"));

        HttpResponse<String> withToken = send("GET", "/directory/services", Map.of("Authorization",
                "Bearer " + gateway.userToken(walked.linkWorker())));
        assertEquals(200, withToken.statusCode(), withToken.body());
    }
}
