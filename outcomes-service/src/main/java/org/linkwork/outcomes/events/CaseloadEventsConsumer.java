package org.linkwork.outcomes.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.caseowners.CaseOwnerService;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.events.EventHandlers;
import org.linkwork.platform.inbox.Inbox;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The one consumer of {@code caseload-events} (schemas published by caseload-service): case ownership, the case
 * read model for reports and the matching {@code ics-events}, all in the inbox's transaction so a redelivered event
 * changes nothing and publishes nothing twice. Waiting-list moves and ended activities change no figure here.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    /** The inbox's name for this consumer's effects: kept, so that a replay does not apply old events again. */
    private static final String EFFECT = "outcomes.caseload-events";

    private final Inbox inbox;
    private final EventHandlers handlers;

    CaseloadEventsConsumer(Inbox inbox, CaseOwnerService owners, JourneyService journeys) {
        this.inbox = inbox;
        this.handlers = EventHandlers.builder()
                .on(CaseAssigned.TYPE, EFFECT, CaseAssigned.class, e -> {
                    // An assignment older than the one known changes nothing.
                    if (owners.assign(e.caseId(), e.referralId(), e.linkWorker(), e.pcnCode(), e.assignedAt())) {
                        journeys.caseAssigned(e.caseId(), e.referralId(), e.odsCode(), e.pcnCode(), e.assignedAt());
                    }
                })
                .on(ContactRecorded.TYPE, EFFECT, ContactRecorded.class, e -> journeys.contactRecorded(e.caseId(),
                        e.referralId(), e.contactId(), e.contactAt(), e.mode(), e.durationMinutes(), e.attended()))
                .on(ActivityPrescribed.TYPE, EFFECT, ActivityPrescribed.class, e -> journeys.activityPrescribed(
                        e.caseId(), e.referralId(), e.prescriptionId(), e.at()))
                .on(CaseClosed.TYPE, EFFECT, CaseClosed.class, e -> journeys.caseClosed(e.caseId(), e.referralId(),
                        e.odsCode(), e.pcnCode(), e.reason(), e.closedAt()))
                .build();
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        inbox.apply(CloudEvent.from(metadata, data), handlers);
    }
}
