package org.linkwork.caseload.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Opens a case for every accepted referral and closes it when the referral is cancelled; schemas published by
 * referral-service, each event applied once through the inbox. A rejection needs nothing here: referrals are
 * rejected only at triage, before any case exists.
 */
@ApplicationScoped
public class ReferralEventsConsumer {

    private final Inbox inbox;
    private final EventHandlers handlers;

    ReferralEventsConsumer(Inbox inbox, CaseService cases) {
        this.inbox = inbox;
        // The effect names key the inbox: renaming one would apply its old events again on a replay.
        this.handlers = EventHandlers.builder()
                .on(ReferralAccepted.TYPE, "caseload.open-case", ReferralAccepted.class,
                        accepted -> cases.openFromReferral(accepted.toCase()))
                .on(ReferralCancelled.TYPE, "caseload.close-cancelled-case", ReferralCancelled.class,
                        cancelled -> cases.closeForCancelledReferral(cancelled.referralId()))
                .build();
    }

    @Incoming("referral-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }
}
