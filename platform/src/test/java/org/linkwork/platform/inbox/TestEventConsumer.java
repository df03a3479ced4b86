package org.linkwork.platform.inbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.platform.events.CloudEvent;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Applies test events through the inbox the way a service consumer does. The event data says how
 * the effect behaves: {@code ok}, {@code poison} (always fails) or {@code flaky} (fails twice).
 */
@ApplicationScoped
public class TestEventConsumer {

    final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();

    @Inject
    Inbox inbox;

    @Inject
    EntityManager entityManager;

    @Incoming("inbox-test")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.process("platform-test.effect", CloudEvent.from(metadata, data), event -> {
            int attempt = attempts.computeIfAbsent(event.id(), id -> new AtomicInteger()).incrementAndGet();
            if (event.data().contains("poison") || (event.data().contains("flaky") && attempt <= 2)) {
                throw new IllegalStateException("effect failed on attempt " + attempt);
            }
            entityManager.createNativeQuery("INSERT INTO test_effect (event_id, label) VALUES (?1, ?2)")
                    .setParameter(1, event.id())
                    .setParameter(2, event.data())
                    .executeUpdate();
        });
    }

    int attemptsFor(String eventId) {
        AtomicInteger count = attempts.get(eventId);
        return count == null ? 0 : count.get();
    }
}
