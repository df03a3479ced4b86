package org.linkwork.directory.capacity;

import java.util.UUID;

/**
 * A caseload event moved a service's places taken from {@code before} to {@code after}, fired in the inbox's
 * transaction; {@code events.CapacityEvents} announces it. {@code placesPerSession} is null for a drop-in.
 */
public record PlacesTakenChanged(UUID serviceId, String name, Integer placesPerSession, int before, int after, String causeId,
        String causeType) {
}
