package org.linkwork.referral.testing;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

/** caseload-service's events as the referral service's AsyncAPI document describes them. */
public final class CaseloadEvents {

    private CaseloadEvents() {
    }

    public static CloudEvent assigned(UUID referralId, String caseId, String linkWorker) {
        return event("org.linkwork.case.assigned.v1", caseId,
                "{\"caseId\":\"%s\",\"referralId\":\"%s\",\"linkWorker\":\"%s\"}".formatted(caseId, referralId, linkWorker));
    }

    public static CloudEvent contactRecorded(UUID referralId, String caseId, boolean attended) {
        return event("org.linkwork.case.contact-recorded.v1", caseId,
                "{\"caseId\":\"%s\",\"referralId\":\"%s\",\"attended\":%s}".formatted(caseId, referralId, attended));
    }

    public static CloudEvent closed(UUID referralId, String caseId, String reason) {
        return event("org.linkwork.case.closed.v1", caseId,
                "{\"caseId\":\"%s\",\"referralId\":\"%s\",\"reason\":\"%s\"}".formatted(caseId, referralId, reason));
    }

    public static CloudEvent activityPrescribed(UUID referralId, String caseId, UUID prescriptionId) {
        return event("org.linkwork.case.activity-prescribed.v1", caseId,
                "{\"caseId\":\"%s\",\"referralId\":\"%s\",\"prescriptionId\":\"%s\",\"serviceId\":\"svc-1\",\"status\":\"ACCEPTED\",\"at\":\"%s\"}"
                        .formatted(caseId, referralId, prescriptionId, OffsetDateTime.now(ZoneOffset.UTC)));
    }

    public static void send(CloudEvent... events) {
        EventTopics.publish("caseload-events", events);
    }

    public static CloudEvent event(String type, String caseId, String data) {
        return new CloudEvent(UUID.randomUUID().toString(), "/caseload-service", type, caseId,
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }
}
