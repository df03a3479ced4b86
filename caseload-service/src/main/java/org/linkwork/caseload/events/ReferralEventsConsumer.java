package org.linkwork.caseload.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.CasePatient;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.caseload.cases.Urgency;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Opens a case for every accepted referral ({@code org.linkwork.referral.accepted.v1}) and closes it when
 * the referral is cancelled ({@code org.linkwork.referral.cancelled.v1}); schemas published by
 * referral-service, each event applied once through the inbox. A rejection needs nothing here: referrals
 * are rejected only at triage, before any case exists.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ReferralEventsConsumer.class);
    static final String ACCEPTED = "org.linkwork.referral.accepted.v1";
    static final String CANCELLED = "org.linkwork.referral.cancelled.v1";

    private final Inbox inbox;
    private final CaseService cases;
    private final ObjectMapper json;

    ReferralEventsConsumer(Inbox inbox, CaseService cases, ObjectMapper json) {
        this.inbox = inbox;
        this.cases = cases;
        this.json = json;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        switch (event.type()) {
            case ACCEPTED -> inbox.process("caseload.open-case", event, e -> cases.openFromReferral(toCase(e.dataAsJson(json))));
            case CANCELLED -> inbox.process("caseload.close-cancelled-case", event,
                    e -> cases.closeForCancelledReferral(UUID.fromString(text(e.dataAsJson(json), "referralId"))));
            default -> LOG.debugf("Ignoring %s %s", event.type(), event.id());
        }
    }

    private Case toCase(JsonNode body) {
        JsonNode p = body.path("patient");
        CasePatient patient = new CasePatient();
        patient.nhsNumber = text(p, "nhsNumber");
        patient.givenName = text(p, "givenName");
        patient.familyName = text(p, "familyName");
        patient.dateOfBirth = LocalDate.parse(text(p, "dateOfBirth"));
        patient.postcode = text(p, "postcode");
        patient.phone = optional(p, "phone");
        patient.email = optional(p, "email");
        patient.preferredContact = text(p, "preferredContact");
        patient.interpreterLanguage = optional(p, "interpreterLanguage");
        patient.accessibilityNeeds = optional(p, "accessibilityNeeds");
        Set<String> reasons = new HashSet<>();
        body.path("reasons").forEach(r -> reasons.add(r.asText()));
        return Case.open(UUID.fromString(text(body, "referralId")), patient, text(body, "odsCode"), reasons, Urgency.valueOf(text(body, "urgency")),
                OffsetDateTime.parse(text(body, "receivedAt")), optional(body, "notes"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Referral event lacks " + field);
        }
        return value.asText();
    }

    private static String optional(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
