package org.linkwork.load;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Real tokens of the realm for the simulations' callers: fetched once before the load (Keycloak's own cost stays
 * out of the figures) and renewed in the background well within their 5-minute life.
 */
final class Realm {

    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final HttpClient http;
    private final URI tokenEndpoint;
    private final Map<String, Supplier<String>> fetchers = new ConcurrentHashMap<>();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewal = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "token-renewal");
        thread.setDaemon(true);
        return thread;
    });

    Realm() {
        this.http = HttpClient.newBuilder().sslContext(trusting(Path.of(LoadSettings.CA_PEM))).build();
        this.tokenEndpoint = URI.create(LoadSettings.ISSUER + "/protocol/openid-connect/token");
        renewal.scheduleAtFixedRate(this::renewAll, 3, 3, TimeUnit.MINUTES);
    }

    /** A machine client's token (client credentials, secret {@code <client>-local-secret} unless set). */
    Supplier<String> client(String clientId) {
        String secret = System.getProperty("load.secret." + clientId, clientId + "-local-secret");
        return register("client:" + clientId, () -> fetch(Map.of("grant_type", "client_credentials",
                "client_id", clientId, "client_secret", secret)));
    }

    /** A demo user's token through the public linkwork-cli client (local realm only). */
    Supplier<String> user(String username) {
        String password = System.getProperty("load.password", "linkwork-local");
        return register("user:" + username, () -> fetch(Map.of("grant_type", "password", "client_id", "linkwork-cli",
                "username", username, "password", password)));
    }

    private Supplier<String> register(String key, Supplier<String> fetcher) {
        fetchers.putIfAbsent(key, fetcher);
        tokens.computeIfAbsent(key, k -> fetcher.get());
        return () -> tokens.get(key);
    }

    private void renewAll() {
        fetchers.forEach((key, fetcher) -> {
            try {
                tokens.put(key, fetcher.get());
            } catch (RuntimeException e) {
                System.err.println("token renewal for " + key + " failed, keeping the current one: " + e.getMessage());
            }
        });
    }

    private String fetch(Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            Matcher token = ACCESS_TOKEN.matcher(response.body());
            if (response.statusCode() != 200 || !token.find()) {
                throw new IllegalStateException("token endpoint answered " + response.statusCode() + ": " + response.body());
            }
            return token.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("token endpoint " + tokenEndpoint + " unreachable: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Trusts the CA the local suite's Keycloak certificate chains to (the launcher's, or compose's). */
    private static SSLContext trusting(Path caPem) {
        try (InputStream in = Files.newInputStream(caPem)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca-" + i++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot read the CA certificate " + caPem + " (set -Dload.ca): " + e.getMessage(), e);
        }
    }
}
