package org.linkwork.platform.outbox;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
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
    /** Marks a transaction that already asks the relay for a pass when it commits. */
    private static final Object PASS_ON_COMMIT = new Object();

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final String source;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    Outbox(EntityManager entityManager, ObjectMapper objectMapper,
            @ConfigProperty(name = "linkwork.events.source") String source,
            TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.source = source;
        this.transactions = transactions;
        this.relay = relay;
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
        passOnCommit();
        LOG.debugf("Queued %s %s for %s on %s", type, event.id(), subject, topic);
        return event;
    }

    /** Once per transaction: after it commits, the relay publishes at once instead of at its next scheduled pass. */
    private void passOnCommit() {
        if (transactions.getResource(PASS_ON_COMMIT) != null) {
            return;
        }
        transactions.putResource(PASS_ON_COMMIT, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the rows are written with the transaction.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.requestPass();
                }
            }
        });
    }

    private String toJson(Object data) {
        try {
            return objectMapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data cannot be written as JSON: " + data.getClass().getName(), e);
        }
    }
}
