package org.linkwork.infra;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The settings a Kafka client of the suite needs: TLS trusting the suite's CA, and SASL OAUTHBEARER with a
 * client-credentials token fetched from the realm's token endpoint. The services carry the same settings in
 * their configuration ({@code kafka.*}); tests and tools build them here.
 */
public final class KafkaClients {

    /** Kafka (4.x) only calls identity-provider URLs listed in this JVM system property. */
    public static final String ALLOWED_URLS_PROPERTY = "org.apache.kafka.sasl.oauthbearer.allowed.urls";

    private KafkaClients() {
    }

    public static Map<String, Object> oauth(String bootstrapServers, Path caCertificate, String tokenEndpoint,
            String clientId, String clientSecret) {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrapServers);
        config.put("security.protocol", "SASL_SSL");
        config.put("ssl.truststore.type", "PEM");
        config.put("ssl.truststore.location", caCertificate.toString());
        config.put("sasl.mechanism", "OAUTHBEARER");
        config.put("sasl.login.callback.handler.class",
                "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler");
        config.put("sasl.oauthbearer.jwt.retriever.class",
                "org.apache.kafka.common.security.oauthbearer.ClientCredentialsJwtRetriever");
        config.put("sasl.oauthbearer.token.endpoint.url", tokenEndpoint);
        config.put("sasl.oauthbearer.client.credentials.client.id", clientId);
        config.put("sasl.oauthbearer.client.credentials.client.secret", clientSecret);
        config.put("sasl.jaas.config", loginModule(tokenEndpoint, caCertificate));
        return config;
    }

    /**
     * The OAUTHBEARER login module entry. Kafka reads the TLS trust for a call to an https token endpoint from
     * this entry's options, not from the connection's own {@code ssl.*} settings.
     */
    private static String loginModule(String tokenEndpoint, Path caCertificate) {
        String options = tokenEndpoint.startsWith("https:")
                ? " ssl.truststore.type=\"PEM\" ssl.truststore.location=\"" + caCertificate + "\""
                : "";
        return "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required" + options + ";";
    }

    /** Adds {@code urls} to this JVM's allowed identity-provider URLs (keeping any already allowed). */
    public static synchronized void allowIdentityProvider(String... urls) {
        String allowed = System.getProperty(ALLOWED_URLS_PROPERTY, "");
        for (String url : urls) {
            if (!("," + allowed + ",").contains("," + url + ",")) {
                allowed = allowed.isEmpty() ? url : allowed + "," + url;
            }
        }
        System.setProperty(ALLOWED_URLS_PROPERTY, allowed);
    }
}
