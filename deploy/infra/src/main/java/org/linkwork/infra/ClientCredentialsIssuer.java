package org.linkwork.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The client-credentials half of an OIDC realm, for service tests that run without Keycloak: a token
 * endpoint issuing signed access tokens shaped like the realm's ({@code azp} = client id, audience
 * {@code kafka}) to registered clients that present the secret, and the JWKS the Kafka broker verifies
 * them with. The launcher and the end-to-end tests use the real Keycloak realm instead.
 */
public final class ClientCredentialsIssuer implements AutoCloseable {

    /** The audience the broker requires of every token (the realm's {@code kafka} client scope adds it). */
    public static final String KAFKA_AUDIENCE = "kafka";
    private static final String REALM_PATH = "/realms/linkwork-test";
    private static final int LIFETIME_SECONDS = 300;

    private final HttpServer server;
    private final KeyPair keys;
    private final String keyId = UUID.randomUUID().toString();
    private final Set<String> clients;
    private final String secret;

    private ClientCredentialsIssuer(Set<String> clients, String secret) {
        this.clients = Set.copyOf(clients);
        this.secret = secret;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            this.keys = generator.generateKeyPair();
            this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext(REALM_PATH + "/protocol/openid-connect/token", this::token);
        server.createContext(REALM_PATH + "/protocol/openid-connect/certs", this::keys);
    }

    /** Starts an issuer on a free local port for {@code clients}, all of which authenticate with {@code secret}. */
    public static ClientCredentialsIssuer start(Set<String> clients, String secret) {
        ClientCredentialsIssuer issuer = new ClientCredentialsIssuer(clients, secret);
        issuer.server.start();
        return issuer;
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + REALM_PATH;
    }

    public String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    public String jwksUrl() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** A token for {@code clientId} signed with this issuer's key, as the token endpoint would answer it. */
    public String token(String clientId) {
        return token(clientId, KAFKA_AUDIENCE);
    }

    /** A token signed with this issuer's key for another audience: what a client of some other API holds. */
    public String token(String clientId, String audience) {
        long now = Instant.now().getEpochSecond();
        // Signed with the JDK alone: this runs on the HTTP server's threads, whose context class loader may
        // belong to a Quarkus test application that has since closed.
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"" + keyId + "\"}";
        String claims = "{\"iss\":\"" + issuer() + "\",\"sub\":\"service-account-" + clientId + "\",\"azp\":\""
                + clientId + "\",\"aud\":\"" + audience + "\",\"iat\":" + now + ",\"exp\":" + (now + LIFETIME_SECONDS)
                + ",\"jti\":\"" + UUID.randomUUID() + "\"}";
        String signingInput = base64Url(header.getBytes(StandardCharsets.UTF_8)) + "."
                + base64Url(claims.getBytes(StandardCharsets.UTF_8));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(keys.getPrivate());
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + base64Url(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void token(HttpExchange exchange) throws IOException {
        try (exchange) {
            Map<String, String> form = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            String[] basic = basicCredentials(exchange.getRequestHeaders().getFirst("Authorization"));
            String clientId = basic != null ? basic[0] : form.get("client_id");
            String presented = basic != null ? basic[1] : form.get("client_secret");
            if (!"POST".equals(exchange.getRequestMethod()) || !"client_credentials".equals(form.get("grant_type"))) {
                answer(exchange, 400, "{\"error\":\"unsupported_grant_type\"}");
            } else if (clientId == null || !clients.contains(clientId) || !secret.equals(presented)) {
                answer(exchange, 401, "{\"error\":\"invalid_client\"}");
            } else {
                answer(exchange, 200, "{\"access_token\":\"" + token(clientId) + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                        + LIFETIME_SECONDS + "}");
            }
        }
    }

    private void keys(HttpExchange exchange) throws IOException {
        try (exchange) {
            RSAPublicKey key = (RSAPublicKey) keys.getPublic();
            answer(exchange, 200, "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"alg\":\"RS256\",\"kid\":\"" + keyId
                    + "\",\"n\":\"" + base64Url(key.getModulus()) + "\",\"e\":\"" + base64Url(key.getPublicExponent()) + "\"}]}");
        }
    }

    private static void answer(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    // Kafka sends the client id and secret form-urlencoded inside HTTP Basic credentials (RFC 6749, 2.3.1).
    private static String[] basicCredentials(String authorization) {
        if (authorization == null || !authorization.startsWith("Basic ")) {
            return null;
        }
        String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        int colon = decoded.indexOf(':');
        return colon < 0 ? null : new String[] {decode(decoded.substring(0, colon)), decode(decoded.substring(colon + 1))};
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
            }
        }
        return form;
    }

    private static String decode(String value) {
        return URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return base64Url(bytes.length > 1 && bytes[0] == 0 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes);
    }

    private static String base64Url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
