package org.linkwork.directory.capacity;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.directory.service.ServiceEvents;
import org.linkwork.platform.outbox.Outbox;

/**
 * Capacity events on {@code directory-events}, written to the outbox in the transaction that
 * changed places taken, so they are published exactly when the change commits.
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

    /**
     * @param before places taken before the change, {@code after} once it is applied
     * @param cause  the caseload event that moved places taken
     */
    void changed(UUID serviceId, String name, Integer placesPerSession, int before, int after, String causeId,
            String causeType) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String id = serviceId.toString();
        outbox.publish(ServiceEvents.TOPIC, CAPACITY_CHANGED, id, new CapacityChanged(id, placesPerSession, after,
                available(placesPerSession, after), after - before, causeId, causeType, now));
        Integer availableBefore = available(placesPerSession, before);
        if (availableBefore != null && availableBefore > 0 && available(placesPerSession, after) == 0) {
            outbox.publish(ServiceEvents.TOPIC, SERVICE_FULL, id,
                    new ServiceFull(id, name, placesPerSession, after, causeId, now));
        }
    }

    private static Integer available(Integer placesPerSession, int taken) {
        return placesPerSession == null ? null : Math.max(0, placesPerSession - taken);
    }
}
