package org.linkwork.platform.events;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * The event types one consumer reads, each bound to the record its data is read into and to the effect it
 * has. The record declares only the fields the consumer reads, with Bean Validation constraints for those it
 * cannot do without; a test per consumer checks it against the producer's published JSON Schema (testkit
 * {@code EventContracts}), so a producer's change is found at build time rather than on the topic.
 */
public final class EventHandlers {

    /**
     * @param effect the inbox's name for the effect (e.g. {@code caseload.open-case}); an event is applied once
     *               per effect name, so a name must never change while its events can be replayed
     */
    public record Handler<T>(String effect, Class<T> dataType, BiConsumer<T, CloudEvent> apply) {
    }

    private final Map<String, Handler<?>> byType;

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Optional<Handler<?>> forType(String type) {
        return Optional.ofNullable(byType.get(type));
    }

    public static final class Builder {

        private final Map<String, Handler<?>> byType = new HashMap<>();

        private Builder() {
        }

        public <T> Builder on(String type, String effect, Class<T> dataType, Consumer<T> apply) {
            return onEvent(type, effect, dataType, (data, event) -> apply.accept(data));
        }

        /** For effects that need the envelope too (event time, id or subject). */
        public <T> Builder onEvent(String type, String effect, Class<T> dataType, BiConsumer<T, CloudEvent> apply) {
            if (byType.putIfAbsent(type, new Handler<>(effect, dataType, apply)) != null) {
                throw new IllegalArgumentException("Two handlers for " + type);
            }
            return this;
        }

        public EventHandlers build() {
            return new EventHandlers(byType);
        }
    }
}
