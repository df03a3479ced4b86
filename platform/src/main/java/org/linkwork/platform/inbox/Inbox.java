package org.linkwork.platform.inbox;

import java.util.function.Consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.linkwork.platform.events.CloudEvent;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Applies an incoming event at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and is skipped, and a failed
 * effect leaves no record and is retried.
 *
 * <p>Retries are bounded (MicroProfile Fault Tolerance, configurable per
 * {@code quarkus.fault-tolerance."org.linkwork.platform.inbox.Inbox/process".retry.*}); when
 * they are used up the exception reaches the Kafka connector, whose
 * {@code failure-strategy=dead-letter-queue} sends the record to its dead-letter topic ({@code <topic>.<service>.dlq} in the suite).
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final MeterRegistry registry;

    Inbox(EntityManager entityManager, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.registry = registry;
    }

    /**
     * @param consumer a stable name for the effect, e.g. {@code caseload.open-case}; one event may
     *                 be applied once by each of several consumers
     * @return {@code true} if the effect ran, {@code false} if this consumer had already applied the event
     */
    @Retry(maxRetries = 3, delay = 200, jitter = 100)
    public boolean process(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
        boolean applied = QuarkusTransaction.requiringNew().call(() -> {
            int recorded = entityManager.createNativeQuery(
                    "INSERT INTO inbox_event (consumer, event_id, event_type) VALUES (?1, ?2, ?3) ON CONFLICT DO NOTHING")
                    .setParameter(1, consumer)
                    .setParameter(2, event.id())
                    .setParameter(3, event.type())
                    .executeUpdate();
            if (recorded == 0) {
                return false;
            }
            effect.accept(event);
            return true;
        });
        if (applied) {
            LOG.debugf("%s applied %s %s", consumer, event.type(), event.id());
        } else {
            LOG.infof("%s skipped %s %s: already applied (redelivery)", consumer, event.type(), event.id());
        }
        registry.counter("linkwork.inbox.events", "consumer", consumer, "result", applied ? "applied" : "duplicate")
                .increment();
        return applied;
    }
}
