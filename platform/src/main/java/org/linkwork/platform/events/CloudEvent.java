package org.linkwork.platform.events;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Objects;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * A CloudEvents 1.0 event as Linkwork services exchange it: JSON data, the aggregate id as
 * {@code subject} (and as the Kafka key, so that order per aggregate holds).
 */
public record CloudEvent(String id, String source, String type, String subject, OffsetDateTime time,
        String dataContentType, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(data, "data");
        if (dataContentType == null) {
            dataContentType = JSON;
        }
    }

    /**
     * Rebuilds the event from what SmallRye Reactive Messaging parsed out of an incoming
     * CloudEvents record (binary or structured mode).
     */
    public static CloudEvent from(IncomingCloudEventMetadata<?> metadata, String data) {
        return new CloudEvent(metadata.getId(),
                metadata.getSource() == null ? null : metadata.getSource().toString(),
                metadata.getType(),
                metadata.getSubject().orElse(null),
                metadata.getTimeStamp().map(t -> t.toOffsetDateTime()).orElse(OffsetDateTime.now(ZoneOffset.UTC)),
                metadata.getDataContentType().orElse(JSON),
                data);
    }
}
