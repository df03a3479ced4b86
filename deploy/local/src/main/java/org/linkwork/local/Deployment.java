package org.linkwork.local;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;

import org.linkwork.infra.KafkaClients;

/**
 * A running Linkwork suite as its clients see it, wherever it runs (the launcher's processes or the
 * compose containers): where the gateway, the realm and the Kafka brokers answer on this machine, how
 * to trust them, and how to crash and restart a service.
 */
public interface Deployment {

    /** The repository the suite was built from (examples and templates are read from it). */
    Path repository();

    String gatewayUrl();

    /** Keycloak's public base URL, {@code https://localhost:<port>}: the realm's issuer and admin API live under it. */
    String keycloakUrl();

    default String issuer() {
        return keycloakUrl() + "/realms/linkwork";
    }

    /** The realm's token endpoint, where Kafka clients fetch their client-credentials tokens. */
    default String tokenEndpoint() {
        return issuer() + "/protocol/openid-connect/token";
    }

    String kafkaBootstrapServers();

    /**
     * A PEM file with the certificates a client trusts for this suite's TLS: the Kafka brokers' CA and
     * Keycloak's (Kafka clients fetch their tokens from Keycloak with the same trust).
     */
    Path caCertificates();

    /**
     * Kafka client settings for this suite's brokers as the realm client {@code clientId} with {@code secret}
     * (SASL_SSL, OAUTHBEARER client credentials); the JVM is told to allow the realm's token endpoint, as Kafka's
     * client requires.
     */
    default Map<String, Object> kafkaClient(String clientId, String secret) {
        KafkaClients.allowIdentityProvider(tokenEndpoint());
        return KafkaClients.oauth(kafkaBootstrapServers(), caCertificates(), tokenEndpoint(), clientId, secret);
    }

    /** The same with the client's local secret, {@code <client>-local-secret}. */
    default Map<String, Object> kafkaClient(String clientId) {
        return kafkaClient(clientId, clientId + "-local-secret");
    }

    /** An HTTP client that trusts the suite's Keycloak certificate. */
    HttpClient http();

    /** outcomes-service's pseudonym key: ics-events' keys are HMACs under it. */
    String pseudonymSecret();

    /** Kills every instance of {@code service} outright (SIGKILL); false if none was running. */
    boolean crash(String service);

    /**
     * Stops every instance of {@code service} as an orchestrator does in a rolling update or a scale-down (SIGTERM,
     * then the service's own graceful shutdown); false if none was running.
     */
    boolean stop(String service);

    /** Starts {@code service} again and returns when it answers ready. */
    void start(String service);
}
