package org.linkwork.platform.outbox;

import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.linkwork.platform.events.CloudEvent;

/** An event waiting in the service's database for the relay to publish it. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    UUID eventId;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(name = "aggregate_key", nullable = false, updatable = false)
    String aggregateKey;

    @Column(name = "event_type", nullable = false, updatable = false)
    String eventType;

    @Column(name = "event_source", nullable = false, updatable = false)
    String eventSource;

    @Column(name = "event_time", nullable = false, updatable = false)
    OffsetDateTime eventTime;

    @Column(name = "content_type", nullable = false, updatable = false)
    String contentType;

    @Column(nullable = false, updatable = false)
    String payload;

    @Column(name = "sent_at")
    OffsetDateTime sentAt;

    protected OutboxEvent() {
    }

    OutboxEvent(String topic, CloudEvent event) {
        this.eventId = UUID.fromString(event.id());
        this.topic = topic;
        this.aggregateKey = event.subject();
        this.eventType = event.type();
        this.eventSource = event.source();
        this.eventTime = event.time();
        this.contentType = event.dataContentType();
        this.payload = event.data();
    }

    CloudEvent toCloudEvent() {
        return new CloudEvent(eventId.toString(), eventSource, eventType, aggregateKey, eventTime, contentType, payload);
    }

    public Long seq() {
        return seq;
    }

    public String topic() {
        return topic;
    }

    public String aggregateKey() {
        return aggregateKey;
    }

    public OffsetDateTime sentAt() {
        return sentAt;
    }
}
