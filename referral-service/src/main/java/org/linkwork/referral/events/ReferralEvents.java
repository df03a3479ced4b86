package org.linkwork.referral.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.referral.ReferralChange;

/**
 * The referral events on {@code referral-events}, keyed by referral id, written to the outbox as
 * the referral service announces each change (in its transaction). Each {@link ReferralChange} is
 * the event's data as published; the AsyncAPI document is in {@code META-INF/resources/asyncapi/}.
 */
@ApplicationScoped
public class ReferralEvents {

    public static final String TOPIC = "referral-events";

    private final Outbox outbox;

    ReferralEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes ReferralChange change) {
        outbox.publish(TOPIC, change.type(), change.subject(), change);
    }
}
