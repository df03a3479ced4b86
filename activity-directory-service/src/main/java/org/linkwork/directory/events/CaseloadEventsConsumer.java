package org.linkwork.directory.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.directory.capacity.CapacityService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Places taken per service from the social prescriptions caseload-service reports: {@code case.activity-prescribed}
 * takes a place, {@code case.activity-ended} frees it, once per event through the inbox, in whose transaction the
 * capacity events are written too: a redelivered event neither counts nor announces twice.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    static final String PRESCRIBED = "org.linkwork.case.activity-prescribed.v1";
    static final String ENDED = "org.linkwork.case.activity-ended.v1";
    /** The inbox records applied events under this name: it must not change while they can be replayed. */
    private static final String EFFECT = "directory.places-taken";

    private final Inbox inbox;
    private final EventHandlers handlers;

    CaseloadEventsConsumer(Inbox inbox, CapacityService capacity) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .onEvent(PRESCRIBED, EFFECT, PrescribedActivity.class,
                        (activity, event) -> capacity.movePlacesTaken(activity.serviceId(), 1, event.id(), event.type()))
                .onEvent(ENDED, EFFECT, PrescribedActivity.class,
                        (activity, event) -> capacity.movePlacesTaken(activity.serviceId(), -1, event.id(), event.type()))
                .build();
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }
}
