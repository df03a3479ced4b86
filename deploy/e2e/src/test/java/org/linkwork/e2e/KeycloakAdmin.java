package org.linkwork.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.linkwork.local.Deployment;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The test suite's own Keycloak, changed through its admin REST API (local bootstrap admin). */
final class KeycloakAdmin {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;
    private final String base;

    KeycloakAdmin(Deployment suite) {
        this.http = suite.http();
        this.base = suite.keycloakUrl();
    }

    /**
     * A confidential client without roles whose access tokens live {@code seconds}; its secret follows
     * the realm's local convention {@code <client>-local-secret}. Returns the client id.
     */
    String clientWithShortLivedTokens(int seconds) {
        String clientId = "e2e-expiry-probe";
        String client = """
                {"clientId":"%1$s","publicClient":false,"secret":"%1$s-local-secret","serviceAccountsEnabled":true,
                 "standardFlowEnabled":false,"directAccessGrantsEnabled":false,
                 "attributes":{"access.token.lifespan":"%2$d"}}""".formatted(clientId, seconds);
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(base + "/admin/realms/linkwork/clients"))
                .header("Authorization", "Bearer " + adminToken()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(client)));
        if (created.statusCode() != 201 && created.statusCode() != 409) {
            throw new IllegalStateException("Creating " + clientId + ": " + created.statusCode() + " " + created.body());
        }
        return clientId;
    }

    private String adminToken() {
        String form = "grant_type=password&client_id=admin-cli&username=admin&password=" + URLEncoder.encode("admin", StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(base + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)));
        try {
            return JSON.readTree(response.body()).get("access_token").asText();
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("Keycloak admin token: " + response.statusCode() + " " + response.body(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
