package org.linkwork.caseload.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.caseload.linkworkers.LinkWorkerChanged;
import org.linkwork.platform.outbox.Outbox;

/**
 * Publishes the workforce on {@code caseload-events}, keyed by the link worker, in the transaction of the change.
 * Workers that existed before this event did are published once by migration V6.
 */
@ApplicationScoped
public class LinkWorkerEvents {

    static final String TOPIC = "caseload-events";
    static final String CHANGED = "org.linkwork.link-worker.changed.v1";

    private final Outbox outbox;

    LinkWorkerEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes LinkWorkerChanged changed) {
        outbox.publish(TOPIC, CHANGED, changed.linkWorkerId().toString(), changed);
    }
}
