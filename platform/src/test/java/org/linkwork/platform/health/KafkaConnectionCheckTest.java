package org.linkwork.platform.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.KafkaClients;

/** The check made while the realm's token endpoint is away, which the service's own Kafka clients wait minutes for. */
class KafkaConnectionCheckTest {

    @Test
    void withTheTokenEndpointUnreachableTheCheckAnswersDownWithinSeconds() throws IOException {
        String tokenEndpoint = "http://127.0.0.1:" + closedPort() + "/realms/linkwork/protocol/openid-connect/token";
        KafkaClients.allowIdentityProvider(tokenEndpoint);
        Map<String, Object> kafka = Map.of(
                "bootstrap.servers", "127.0.0.1:" + closedPort(),
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "OAUTHBEARER",
                "sasl.login.callback.handler.class", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler",
                "sasl.oauthbearer.token.endpoint.url", tokenEndpoint,
                "sasl.oauthbearer.client.credentials.client.id", "platform-test",
                "sasl.oauthbearer.client.credentials.client.secret", "unused",
                "sasl.jaas.config", "org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule required;",
                // What the platform gives every service's clients (microprofile-config.properties).
                "sasl.login.retry.backoff.max.ms", platformLoginWait());
        KafkaConnectionCheck check = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> new KafkaConnectionCheck(kafka));
        try {
            for (int i = 0; i < 2; i++) {
                HealthCheckResponse response = assertTimeoutPreemptively(Duration.ofSeconds(5), check::call);
                assertEquals(HealthCheckResponse.Status.DOWN, response.getStatus());
                String reason = String.valueOf(response.getData().orElseThrow().get("reason"));
                assertTrue(reason.contains("No Kafka login"), reason);
            }
        } finally {
            check.close();
        }
    }

    private static String platformLoginWait() {
        String wait = ConfigProvider.getConfig().getValue("kafka.sasl.login.retry.backoff.max.ms", String.class);
        assertTrue(Long.parseLong(wait) > 60_000, "the services' clients wait minutes for the token endpoint: " + wait);
        return wait;
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
