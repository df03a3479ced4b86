package org.linkwork.outcomes.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Referrals received, accepted, rejected and cancelled (schemas published by referral-service), applied once each
 * through the inbox into the read model, whose changes become {@code ics-events} in the same transaction. Status
 * mirrors change nothing here: the case events they follow are consumed directly.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    /** The inbox's name for this consumer's effects: kept, so that a replay does not apply old events again. */
    private static final String EFFECT = "outcomes.referral-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    ReferralEventsConsumer(Inbox inbox, JourneyService journeys) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(ReferralReceived.TYPE, EFFECT, ReferralReceived.class, e -> journeys.referralReceived(e.referralId(),
                        e.odsCode(), e.receivedAt(), e.patient(), e.reasons(), e.urgency()))
                .on(ReferralAccepted.TYPE, EFFECT, ReferralAccepted.class, e -> journeys.referralAccepted(e.referralId(),
                        e.odsCode(), e.receivedAt(), e.acceptedAt(), e.patient()))
                .on(ReferralRejected.TYPE, EFFECT, ReferralRejected.class, e -> journeys.referralRejected(e.referralId(),
                        e.odsCode(), e.reason(), e.rejectedAt()))
                .on(ReferralCancelled.TYPE, EFFECT, ReferralCancelled.class, e -> journeys.referralCancelled(
                        e.referralId(), e.odsCode(), e.previousStatus(), e.reason(), e.cancelledAt()))
                .build();
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }
}
