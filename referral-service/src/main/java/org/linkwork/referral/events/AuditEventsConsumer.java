package org.linkwork.referral.events;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditRecorded;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;
import org.linkwork.referral.audit.AuditService;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Gathers every service's audit records ({@code org.linkwork.audit.recorded.v1} on
 * {@code audit-events}, this service's own included) into the suite's trail, once per event id
 * through the inbox. An event that does not match the published schema is dead-lettered.
 */
@ApplicationScoped
public class AuditEventsConsumer {

    private static final Logger LOG = Logger.getLogger(AuditEventsConsumer.class);

    private final Inbox inbox;
    private final AuditService trail;
    private final ObjectMapper json;

    AuditEventsConsumer(Inbox inbox, AuditService trail, ObjectMapper json) {
        this.inbox = inbox;
        this.trail = trail;
        this.json = json;
    }

    @Incoming("audit-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        if (!event.type().equals(AuditRecorded.TYPE)) {
            LOG.debugf("Ignoring %s %s: not an audit record", event.type(), event.id());
            return;
        }
        inbox.process("referral.audit-trail", event, this::store);
    }

    private void store(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        String service = event.source().startsWith("/") ? event.source().substring(1) : event.source();
        if (service.isBlank()) {
            throw new IllegalArgumentException("Event " + event.id() + " names no source service");
        }
        JsonNode recordId = body.get("recordId");
        if (recordId == null || !recordId.canConvertToLong()) {
            throw new IllegalArgumentException("Event data lacks recordId");
        }
        trail.keep(service, new AuditRecorded(recordId.asLong(), occurredAt(body), required(body, "actor"),
                roles(body), required(body, "action"), required(body, "resourceType"), optional(body, "resourceId"),
                optional(body, "nhsNumber"), Outcome.valueOf(required(body, "outcome"))));
    }

    private static OffsetDateTime occurredAt(JsonNode body) {
        try {
            return OffsetDateTime.parse(required(body, "occurredAt"));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Event data has no valid occurredAt", e);
        }
    }

    private static List<String> roles(JsonNode body) {
        JsonNode roles = body.get("roles");
        if (roles == null || !roles.isArray()) {
            throw new IllegalArgumentException("Event data lacks roles");
        }
        List<String> names = new ArrayList<>();
        roles.forEach(r -> names.add(r.asText()));
        return names;
    }

    private static String required(JsonNode body, String field) {
        String value = optional(body, field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("Event data lacks " + field);
        }
        return value;
    }

    private static String optional(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
