package org.linkwork.platform.events;

import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;

/**
 * CloudEvents Kafka protocol binding, binary content mode: attributes travel as {@code ce_*}
 * headers and the record value is the event data itself, so consumers can validate the value
 * directly against the event type's JSON Schema and SmallRye Reactive Messaging reads the
 * attributes into {@code IncomingKafkaCloudEventMetadata}.
 */
public final class KafkaCloudEvents {

    private KafkaCloudEvents() {
    }

    public static ProducerRecord<String, String> toRecord(String topic, CloudEvent event) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, event.subject(), event.data());
        Headers headers = record.headers();
        header(headers, "ce_specversion", CloudEvent.SPEC_VERSION);
        header(headers, "ce_id", event.id());
        header(headers, "ce_source", event.source());
        header(headers, "ce_type", event.type());
        if (event.subject() != null) {
            header(headers, "ce_subject", event.subject());
        }
        header(headers, "ce_time", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(event.time()));
        header(headers, "content-type", event.dataContentType());
        return record;
    }

    private static void header(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
