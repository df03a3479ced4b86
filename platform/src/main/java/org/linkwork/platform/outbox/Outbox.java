package org.linkwork.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.platform.events.CloudEvent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Records an event in the caller's transaction. It reaches Kafka only if that transaction
 * commits, and then even if Kafka is down at the time (the relay retries until it is back).
 */
@ApplicationScoped
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class);

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final String source;

    Outbox(EntityManager entityManager, ObjectMapper objectMapper,
            @ConfigProperty(name = "linkwork.events.source") String source) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.source = source;
    }

    /**
     * @param topic   Kafka topic, e.g. {@code referral-events}
     * @param type    CloudEvents type, e.g. {@code org.linkwork.referral.accepted.v1}
     * @param subject aggregate id; also the Kafka key, so events of one aggregate stay in order
     * @param data    event body, serialised as JSON
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent publish(String topic, String type, String subject, Object data) {
        Objects.requireNonNull(subject, "subject (aggregate id) is required: it keys the Kafka record");
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), source, type, subject,
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, toJson(data));
        entityManager.persist(new OutboxEvent(topic, event));
        LOG.debugf("Queued %s %s for %s on %s", type, event.id(), subject, topic);
        return event;
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass().getName(), e);
        }
    }
}
