package org.linkwork.referral.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;
import org.linkwork.referral.referral.ReferralService;
import org.linkwork.referral.referral.ReferralStatus;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Mirrors case progress from caseload-service onto the referral, so the referring GP sees it.
 * Consumed contract (documented in the AsyncAPI document): every event carries {@code caseId} and
 * {@code referralId}; {@code case.assigned} also {@code linkWorker}; {@code case.contact-recorded}
 * {@code attended}; {@code case.closed} {@code reason}.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    private static final Logger LOG = Logger.getLogger(CaseloadEventsConsumer.class);

    static final String ASSIGNED = "org.linkwork.case.assigned.v1";
    static final String CONTACT_RECORDED = "org.linkwork.case.contact-recorded.v1";
    static final String CLOSED = "org.linkwork.case.closed.v1";

    private final Inbox inbox;
    private final ReferralService referrals;
    private final ObjectMapper json;

    CaseloadEventsConsumer(Inbox inbox, ReferralService referrals, ObjectMapper json) {
        this.inbox = inbox;
        this.referrals = referrals;
        this.json = json;
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        if (!event.type().equals(ASSIGNED) && !event.type().equals(CONTACT_RECORDED) && !event.type().equals(CLOSED)) {
            LOG.debugf("Ignoring %s %s: not a status this service mirrors", event.type(), event.id());
            return;
        }
        inbox.process("referral.mirror-case", event, this::apply);
    }

    private void apply(CloudEvent event) {
        JsonNode body = event.dataAsJson(json);
        UUID referralId = UUID.fromString(required(body, "referralId"));
        String caseId = required(body, "caseId");
        String actor = "caseload-service";
        switch (event.type()) {
            case ASSIGNED -> referrals.mirrorCase(referralId, caseId, required(body, "linkWorker"),
                    ReferralStatus.ASSIGNED, actor, "case assigned");
            case CONTACT_RECORDED -> {
                if (body.path("attended").asBoolean(false)) {
                    referrals.mirrorCase(referralId, caseId, null, ReferralStatus.IN_PROGRESS, actor,
                            "first attended contact");
                }
            }
            default -> {
                String reason = required(body, "reason");
                referrals.mirrorCase(referralId, caseId, null, closureStatus(reason), actor, "case closed: " + reason);
            }
        }
    }

    /**
     * Case closure reasons the referral lifecycle has no status of its own for end as COMPLETED. A case closed
     * because its referral was cancelled leaves the referral CANCELLED (already so: the event changes nothing).
     */
    static ReferralStatus closureStatus(String reason) {
        return switch (reason) {
            case "PATIENT_DECLINED" -> ReferralStatus.PATIENT_DECLINED;
            case "UNABLE_TO_CONTACT" -> ReferralStatus.UNABLE_TO_CONTACT;
            case "REFERRAL_CANCELLED" -> ReferralStatus.CANCELLED;
            default -> ReferralStatus.COMPLETED;
        };
    }

    private static String required(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("Event data lacks " + field);
        }
        return value.asText();
    }
}
