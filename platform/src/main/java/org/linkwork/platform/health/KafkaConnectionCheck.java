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
 */
@Wellness
@ApplicationScoped
public class KafkaConnectionCheck implements HealthCheck {

    static final String NAME = "Kafka connection health check";
    private static final int TIMEOUT_MS = 1000;

    private final Admin admin;

    KafkaConnectionCheck(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "health-check");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, TIMEOUT_MS);
        config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, TIMEOUT_MS);
        this.admin = Admin.create(config);
    }

    @Override
    public HealthCheckResponse call() {
        try {
            String nodes = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS)).nodes()
                    .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).stream()
                    .map(node -> node.host() + ":" + node.port()).collect(Collectors.joining(","));
            return HealthCheckResponse.named(NAME).up().withData("nodes", nodes).build();
        } catch (Exception e) {
            return HealthCheckResponse.named(NAME).down()
                    .withData("reason", "Kafka unreachable within " + TIMEOUT_MS + " ms; events wait in the outbox").build();
        }
    }

    @PreDestroy
    void close() {
        admin.close();
    }
}
