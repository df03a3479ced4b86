package org.linkwork.platform.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Applies test events through the inbox the way a service consumer does: one type bound to {@link Step}, whose
 * {@code behaviour} says how the effect behaves: {@code ok}, {@code failing} (always fails) or {@code flaky}
 * (fails twice). Other types on the topic are not this consumer's business.
 */
@ApplicationScoped
public class TestEventConsumer {

    static final String STEP = "org.linkwork.test.step.v1";

    public record Step(@NotBlank String behaviour) {
    }

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    private final Inbox inbox;
    private final EntityManager entityManager;
    private final EventHandlers handlers = EventHandlers.builder()
            .onEvent(STEP, "platform-test.effect", Step.class, this::apply)
            .build();

    TestEventConsumer(Inbox inbox, EntityManager entityManager) {
        this.inbox = inbox;
        this.entityManager = entityManager;
    }

    @Incoming("inbox-test")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }

    private void apply(Step step, CloudEvent event) {
        int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
        if (step.behaviour().equals("failing") || (step.behaviour().equals("flaky") && attempt <= 2)) {
            throw new IllegalStateException("effect failed on attempt " + attempt);
        }
        entityManager.createNativeQuery("INSERT INTO test_effect (event_id, label) VALUES (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, step.behaviour())
                .executeUpdate();
    }

    int attemptsFor(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
