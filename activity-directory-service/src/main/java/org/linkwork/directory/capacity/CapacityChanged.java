package org.linkwork.directory.capacity;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.linkwork.directory.services.DirectoryEvent;

/**
 * Places taken moved because of the caseload event {@code causationId}: the places after the change;
 * {@code placesPerSession} and {@code placesAvailable} are null for an unlimited service.
 */
public record CapacityChanged(UUID serviceId, Integer placesPerSession, int placesTaken, Integer placesAvailable,
        int change, String causationId, String causationType, OffsetDateTime at) implements DirectoryEvent {

    public static final String TYPE = "org.linkwork.directory.capacity-changed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
