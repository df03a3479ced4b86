package org.linkwork.outcomes.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.linkwork.outcomes.caseowners.CaseOwnerService;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.inbox.Inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * The one consumer of {@code caseload-events} (schemas published by caseload-service): case ownership, the case
 * read model for reports and the matching {@code ics-events}, all in the inbox's transaction so a redelivered event
 * changes nothing and publishes nothing twice. Waiting-list moves and ended activities change no figure here.
 */
@ApplicationScoped
public class CaseloadEventsConsumer {

    private static final String CONSUMER = "outcomes.caseload-events";

    private final Inbox inbox;
    private final ObjectMapper json;
    private final CaseOwnerService owners;
    private final JourneyService journeys;

    CaseloadEventsConsumer(Inbox inbox, ObjectMapper json, CaseOwnerService owners, JourneyService journeys) {
        this.inbox = inbox;
        this.json = json;
        this.owners = owners;
        this.journeys = journeys;
    }

    @Incoming("caseload-events")
    @Blocking
    public void consume(String data, IncomingCloudEventMetadata<String> metadata) {
        CloudEvent event = CloudEvent.from(metadata, data);
        switch (event.type()) {
            case CaseAssigned.TYPE -> inbox.process(CONSUMER, event, e -> assigned(bind(e, CaseAssigned.class)));
            case ContactRecorded.TYPE -> inbox.process(CONSUMER, event, e -> contactRecorded(bind(e, ContactRecorded.class)));
            case ActivityPrescribed.TYPE -> inbox.process(CONSUMER, event, e -> activityPrescribed(bind(e, ActivityPrescribed.class)));
            case CaseClosed.TYPE -> inbox.process(CONSUMER, event, e -> closed(bind(e, CaseClosed.class)));
            default -> {
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

    /** An assignment older than the one known changes nothing. */
    private void assigned(CaseAssigned e) {
        if (owners.assign(e.caseId(), e.referralId(), e.linkWorker(), e.pcnCode(), e.assignedAt())) {
            journeys.caseAssigned(e.caseId(), e.referralId(), e.odsCode(), e.pcnCode(), e.assignedAt());
        }
    }

    private void contactRecorded(ContactRecorded e) {
        journeys.contactRecorded(e.caseId(), e.referralId(), e.contactId(), e.contactAt(), e.mode(), e.durationMinutes(),
                e.attended());
    }

    private void activityPrescribed(ActivityPrescribed e) {
        journeys.activityPrescribed(e.caseId(), e.referralId(), e.prescriptionId(), e.at());
    }

    private void closed(CaseClosed e) {
        journeys.caseClosed(e.caseId(), e.referralId(), e.odsCode(), e.pcnCode(), e.reason(), e.closedAt());
    }
}
