package org.linkwork.directory.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.directory.services.DirectoryEvent;
import org.linkwork.platform.outbox.Outbox;

/**
 * The directory's events on {@code directory-events}: every {@link DirectoryEvent} the features fire (service
 * lifecycle, capacity), written to the outbox in the transaction of the change (a synchronous observer runs in
 * it), so it is published exactly when the change commits. Listed in {@code /asyncapi/directory-events.yaml}.
 */
@ApplicationScoped
public class DirectoryEvents {

    static final String TOPIC = "directory-events";

    private final Outbox outbox;

    DirectoryEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes DirectoryEvent event) {
        outbox.publish(TOPIC, event.type(), event.serviceId().toString(), event);
    }
}
