package org.linkwork.platform.inbox;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.jboss.logging.Logger;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.events.InvalidEventData;
import org.linkwork.platform.problem.DatabaseOutage;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;

/**
 * Applies an incoming event at most once per consumer: the event id is recorded in the same
 * transaction as the effect, so a redelivered event finds its id and is skipped, and a failed
 * effect leaves no record and is retried.
 *
 * <p>Retries are bounded (MicroProfile Fault Tolerance, configurable per
 * {@code quarkus.fault-tolerance."org.linkwork.platform.inbox.Inbox/apply".retry.*}); when
 * they are used up the exception reaches the Kafka connector, whose failure strategy ({@link DeadLetterPoison}) sends
 * the record to its dead-letter topic ({@code <topic>.<service>.dlq} in the suite). An unreachable database is not the
 * event's fault: the inbox waits for it ({@code linkwork.inbox.outage-wait}, 5 minutes by default), holding the
 * partition so that order is kept, and past that wait the channel stops without acknowledging the event.
 */
@ApplicationScoped
public class Inbox {

    private static final Logger LOG = Logger.getLogger(Inbox.class);

    private final EntityManager entityManager;
    private final MeterRegistry registry;
    private final ObjectMapper json;
    private final Validator validator;
    private final Guard untilReachable;

    Inbox(EntityManager entityManager, MeterRegistry registry, ObjectMapper json, Validator validator,
            @Identifier(DeadLetterPoison.STRATEGY) DeadLetterPoison failures,
            @ConfigProperty(name = "linkwork.inbox.outage-wait", defaultValue = "5M") Duration outageWait) {
        this.entityManager = entityManager;
        this.registry = registry;
        this.json = json;
        this.validator = validator;
        // Pauses of 0.25 s doubling to 5 s, for as long as the outage wait; another failure is not retried here.
        this.untilReachable = Guard.create().withRetry()
                .maxRetries(-1).maxDuration(outageWait.toMillis(), ChronoUnit.MILLIS)
                .delay(250, ChronoUnit.MILLIS).jitter(0, ChronoUnit.MILLIS)
                .withExponentialBackoff().maxDelay(5, ChronoUnit.SECONDS).done()
                .whenException(e -> DatabaseOutage.causedBy(e) && !failures.stopping())
                .beforeRetry(e -> LOG.warnf("Database unreachable applying an event (%s); trying it again", e.getMessage()))
                .done().build();
    }

    /**
     * Applies the event through the handler its CloudEvents type is bound to, once per effect; a type the
     * consumer has no handler for is not its business and is passed over.
     *
     * @return {@code true} if an effect ran
     * @throws InvalidEventData when the data does not bind to the handler's record or breaks its constraints:
     *                          not retried, the connector dead-letters it
     */
    @Retry(maxRetries = 3, delay = 200, jitter = 100, abortOn = InvalidEventData.class)
    public boolean apply(CloudEvent event, EventHandlers handlers) {
        return handlers.forType(event.type()).map(handler -> applyOnceReachable(handler, event)).orElseGet(() -> {
            LOG.debugf("Passing over %s %s: no handler", event.type(), event.id());
            return false;
        });
    }

    /** Applies the event, waiting out an unreachable database unless the service is stopping. */
    private <T> boolean applyOnceReachable(EventHandlers.Handler<T> handler, CloudEvent event) {
        return untilReachable.get(() -> applyWith(handler, event), Boolean.class);
    }

    private <T> boolean applyWith(EventHandlers.Handler<T> handler, CloudEvent event) {
        T data = bind(event, handler.dataType());
        return applyOnce(handler.effect(), event, e -> handler.apply().accept(data, e));
    }

    private <T> T bind(CloudEvent event, Class<T> type) {
        T data;
        try {
            data = json.readerFor(type).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(event.data());
        } catch (JsonProcessingException e) {
            throw new InvalidEventData(event, "data does not read as " + type.getSimpleName(), e);
        }
        if (data == null) {
            throw new InvalidEventData(event, "no data", null);
        }
        Set<ConstraintViolation<T>> violations = validator.validate(data);
        if (!violations.isEmpty()) {
            throw new InvalidEventData(event, violations.stream().map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .sorted().collect(Collectors.joining(", ")), null);
        }
        return data;
    }

    private boolean applyOnce(String consumer, CloudEvent event, Consumer<CloudEvent> effect) {
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
