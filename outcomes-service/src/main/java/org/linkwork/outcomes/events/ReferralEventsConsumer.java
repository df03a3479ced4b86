package org.linkwork.outcomes.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Referrals received, accepted, rejected and cancelled (schemas published by referral-service), applied once each
 * through the inbox into the read model, whose changes become {@code ics-events} in the same transaction.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private static final String CONSUMER = "outcomes.referral-events";

    private final Inbox inbox;
    private final ObjectMapper json;
    private final JourneyService journeys;

    ReferralEventsConsumer(Inbox inbox, ObjectMapper json, JourneyService journeys) {
        this.inbox = inbox;
        this.json = json;
        this.journeys = journeys;
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        switch (event.type()) {
            case ReferralReceived.TYPE -> inbox.process(CONSUMER, event, e -> received(bind(e, ReferralReceived.class)));
            case ReferralAccepted.TYPE -> inbox.process(CONSUMER, event, e -> accepted(bind(e, ReferralAccepted.class)));
            case ReferralRejected.TYPE -> inbox.process(CONSUMER, event, e -> rejected(bind(e, ReferralRejected.class)));
            case ReferralCancelled.TYPE -> inbox.process(CONSUMER, event, e -> cancelled(bind(e, ReferralCancelled.class)));
            default -> {
                // Status mirrors change nothing here: the case events they follow are consumed directly.
            }
        }
    }

    private <T> T bind(CloudEvent event, Class<T> type) {
        try {
            return json.treeToValue(event.dataAsJson(json), type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(event.type() + " " + event.id() + ": " + e.getOriginalMessage(), e);
        }
    }

    private void received(ReferralReceived e) {
        journeys.referralReceived(e.referralId(), e.odsCode(), e.receivedAt(), e.patient(), e.reasons(), e.urgency());
    }

    private void accepted(ReferralAccepted e) {
        journeys.referralAccepted(e.referralId(), e.odsCode(), e.receivedAt(), e.acceptedAt(), e.patient());
    }

    private void rejected(ReferralRejected e) {
        journeys.referralRejected(e.referralId(), e.odsCode(), e.reason(), e.rejectedAt());
    }

    private void cancelled(ReferralCancelled e) {
        journeys.referralCancelled(e.referralId(), e.odsCode(), e.previousStatus(), e.reason(), e.cancelledAt());
    }
}
