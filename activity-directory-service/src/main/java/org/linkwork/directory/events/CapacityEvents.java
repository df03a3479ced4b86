package org.linkwork.directory.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.directory.capacity.PlacesTakenChanged;
import org.linkwork.platform.outbox.Outbox;

/**
 * Capacity events on {@code directory-events}, written to the outbox in the transaction that
 * changed places taken (a synchronous observer runs in it), so they are published exactly when the
 * change commits: {@code capacity-changed} for every change, {@code service-full} when the last place goes.
 */
@ApplicationScoped
public class CapacityEvents {

    public static final String CAPACITY_CHANGED = "org.linkwork.directory.capacity-changed.v1";
    public static final String SERVICE_FULL = "org.linkwork.directory.service-full.v1";

    /** Places after the change; {@code placesPerSession} and {@code placesAvailable} are null for an unlimited service. */
    public record CapacityChanged(String serviceId, Integer placesPerSession, int placesTaken, Integer placesAvailable,
            int change, String causationId, String causationType, OffsetDateTime at) {
    }

    /** The last free place has gone: link workers should stop offering the service until one frees up. */
    public record ServiceFull(String serviceId, String name, int placesPerSession, int placesTaken, String causationId,
            OffsetDateTime at) {
    }

    private final Outbox outbox;

    CapacityEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes PlacesTakenChanged e) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String id = e.serviceId().toString();
        outbox.publish(ServiceEvents.TOPIC, CAPACITY_CHANGED, id, new CapacityChanged(id, e.placesPerSession(), e.after(),
                available(e.placesPerSession(), e.after()), e.after() - e.before(), e.causeId(), e.causeType(), now));
        Integer availableBefore = available(e.placesPerSession(), e.before());
        if (availableBefore != null && availableBefore > 0 && available(e.placesPerSession(), e.after()) == 0) {
            outbox.publish(ServiceEvents.TOPIC, SERVICE_FULL, id,
                    new ServiceFull(id, e.name(), e.placesPerSession(), e.after(), e.causeId(), now));
        }
    }

    private static Integer available(Integer placesPerSession, int taken) {
        return placesPerSession == null ? null : Math.max(0, placesPerSession - taken);
    }
}
