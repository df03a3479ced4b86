package org.linkwork.directory.capacity;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.linkwork.directory.services.DirectoryEvent;

/** The last free place has gone: link workers should stop offering the service until one frees up. */
public record ServiceFull(UUID serviceId, String name, int placesPerSession, int placesTaken, String causationId,
        OffsetDateTime at) implements DirectoryEvent {

    public static final String TYPE = "org.linkwork.directory.service-full.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
