package org.linkwork.outcomes.events;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.outcomes.journeys.Patient;
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

    /** What a received referral tells this service (referral-service's schema); codes are passed on as they are. */
    public record ReferralReceived(@NotNull UUID referralId, @NotBlank String odsCode, @NotNull List<String> reasons,
            @NotBlank String urgency, @NotNull OffsetDateTime receivedAt, @NotNull @Valid Patient patient) {
        static final String TYPE = "org.linkwork.referral.received.v1";
    }

    /** What an accepted referral tells this service: names, contact details and notes are not read. */
    public record ReferralAccepted(@NotNull UUID referralId, @NotBlank String odsCode,
            @NotNull OffsetDateTime receivedAt, @NotNull OffsetDateTime acceptedAt, @NotNull @Valid Patient patient) {
        static final String TYPE = "org.linkwork.referral.accepted.v1";
    }

    /** A rejected referral with its coded reason; it names no patient. */
    public record ReferralRejected(@NotNull UUID referralId, @NotBlank String odsCode, @NotBlank String reason,
            @NotNull OffsetDateTime rejectedAt) {
        static final String TYPE = "org.linkwork.referral.rejected.v1";
    }

    /**
     * A cancelled referral. {@code reason} is free text in cancellations from before reasons were coded, so it is read
     * as any text and filtered later.
     */
    public record ReferralCancelled(@NotNull UUID referralId, @NotBlank String odsCode, @NotBlank String previousStatus,
            String reason, @NotNull OffsetDateTime cancelledAt) {
        static final String TYPE = "org.linkwork.referral.cancelled.v1";
    }

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
