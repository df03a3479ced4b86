package org.linkwork.local;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls through the gateway with real realm tokens: what a GP system or a link worker's browser does. */
public final class GatewayClient {

    /** The local-only password of every demo user in deploy/keycloak/linkwork-realm.json. */
    public static final String DEMO_PASSWORD = "linkwork-local";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String gateway;
    private final String tokenEndpoint;

    public GatewayClient(Deployment suite) {
        this.http = suite.http();
        this.gateway = suite.gatewayUrl();
        this.tokenEndpoint = suite.tokenEndpoint();
    }

    public record Reply(int status, String contentType, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new LauncherException("Not JSON (" + status + "): " + body, e);
            }
        }

        public Reply expect(int expected, String what) {
            if (status != expected) {
                throw new LauncherException(what + ": expected HTTP " + expected + " but got " + status + " " + body);
            }
            return this;
        }
    }

    /** A demo user's access token (password grant of the local-only linkwork-cli client). */
    public String userToken(String username) {
        return token(Map.of("grant_type", "password", "client_id", "linkwork-cli", "username", username, "password", DEMO_PASSWORD));
    }

    /** A machine client's token (client credentials; local secrets are {@code <client>-local-secret}). */
    public String clientToken(String clientId) {
        return token(Map.of("grant_type", "client_credentials", "client_id", clientId, "client_secret", clientId + "-local-secret"));
    }

    private String token(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        Reply reply = send(HttpRequest.newBuilder(URI.create(tokenEndpoint)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        reply.expect(200, "Token for " + form.getOrDefault("username", form.get("client_id")));
        return reply.json().get("access_token").asText();
    }

    public Reply get(String path, String token) {
        return get(path, token, "application/json");
    }

    public Reply get(String path, String token, String accept) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path)).header("Accept", accept).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    public Reply post(String path, String token, Object body) {
        return send(json(path, token, body, "POST"));
    }

    public Reply post(String path, String token, Object body, Map<String, String> headers) {
        HttpRequest.Builder request = json(path, token, body, "POST");
        headers.forEach(request::header);
        return send(request);
    }

    public Reply put(String path, String token, Object body) {
        return send(json(path, token, body, "PUT"));
    }

    private HttpRequest.Builder json(String path, String token, Object body, String method) {
        try {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            String contentType = path.startsWith("/fhir") ? "application/fhir+json" : "application/json";
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .header("Content-Type", contentType).header("Accept", contentType)
                    .method(method, HttpRequest.BodyPublishers.ofString(text));
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            return request;
        } catch (IOException e) {
            throw new LauncherException("Cannot write JSON: " + e.getMessage(), e);
        }
    }

    private Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), response.body());
        } catch (IOException e) {
            throw new LauncherException("Cannot reach " + request.build().uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LauncherException("Interrupted");
        }
    }
}
