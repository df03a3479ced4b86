package org.linkwork.referral.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.linkwork.platform.outbox.Outbox;
import org.linkwork.referral.gprecord.GpRecordUpdateRecorded;

/**
 * The coded updates for GP records on {@code gp-record-events}, keyed by referral id (one referral's updates stay in
 * order), written to the outbox in the transaction that records them. AsyncAPI: {@code gp-record-events.yaml}.
 */
@ApplicationScoped
public class GpRecordEvents {

    public static final String TOPIC = "gp-record-events";

    private final Outbox outbox;

    GpRecordEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    void on(@Observes GpRecordUpdateRecorded update) {
        outbox.publish(TOPIC, GpRecordUpdateRecorded.TYPE, update.referralId().toString(), update);
    }
}
