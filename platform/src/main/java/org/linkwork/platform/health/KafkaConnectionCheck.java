package org.linkwork.platform.health;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.config.SaslConfigs;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.health.api.Wellness;

/**
 * Whether the service reaches its Kafka cluster, answered within about a second.
 *
 * <p>A wellness check, shown in {@code /q/health} and {@code /q/health/well} but not in readiness:
 * the outbox keeps every event while Kafka is away, so a service that cannot reach Kafka still
 * serves its API and must stay in rotation. (Quarkus' own Kafka check waits for the admin client's
 * default minute-long timeout, so probes hung while the broker was unreachable.)
 *
 * <p>Its admin client is made at the first check and logs in then, with a second for the token endpoint rather than
 * the minutes the service's own clients wait for it at start: a check made while the realm is away says so at once.
 */
@Wellness
@ApplicationScoped
public class KafkaConnectionCheck implements HealthCheck {

    static final String NAME = "Kafka connection health check";
    private static final int TIMEOUT_MS = 1000;

    private final Map<String, Object> config = new HashMap<>();
    private Admin admin;

    KafkaConnectionCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, TIMEOUT_MS);
        config.put(SaslConfigs.SASL_LOGIN_RETRY_BACKOFF_MAX_MS, (long) TIMEOUT_MS);
    }

    @Override
    public HealthCheckResponse call() {
        Admin client;
        try {
            client = admin();
        } catch (KafkaException e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "No Kafka login within " + TIMEOUT_MS + " ms (is the token endpoint reachable?); "
                            + "events wait in the outbox").build();
        }
        try {
            String nodes = client.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "Kafka unreachable within " + TIMEOUT_MS + " ms; events wait in the outbox").build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
