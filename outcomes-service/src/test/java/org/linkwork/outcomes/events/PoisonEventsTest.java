package org.linkwork.outcomes.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.outcomes.SourceEvents;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * An event whose data does not read as the record its type is bound to goes to the topic's DLQ at once, and the
 * partition moves on.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class PoisonEventsTest {

    @Test
    void aReferralEventWithoutJsonDataGoesToTheDeadLetterTopic() {
        String referralId = UUID.randomUUID().toString();
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS, new CloudEvent(UUID.randomUUID().toString(),
                "/referral-service", "org.linkwork.referral.received.v1", referralId, OffsetDateTime.now(ZoneOffset.UTC),
                CloudEvent.JSON, "<referral/>"));

        ConsumerRecord<String, String> parked = EventTopics.eventsOf("referral-events.outcomes-service.dlq", referralId, 1).get(0);
        assertEquals("<referral/>", parked.value());
    }

    @Test
    void aCaseEventWithoutItsCaseIdGoesToTheDeadLetterTopic() {
        String subject = UUID.randomUUID().toString();
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, new CloudEvent(UUID.randomUUID().toString(),
                "/caseload-service", "org.linkwork.case.contact-recorded.v1", subject, OffsetDateTime.now(ZoneOffset.UTC),
                CloudEvent.JSON, "{\"attended\":true}"));

        assertEquals(1, EventTopics.eventsOf("caseload-events.outcomes-service.dlq", subject, 1).size());
    }

    /** Terms are passed on to ics-events, so anything but a code (free text could name someone) is refused. */
    @Test
    void aPrescriptionWhoseTaxonomyTermIsNotACodeGoesToTheDeadLetterTopic() {
        UUID caseId = UUID.randomUUID();
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS, SourceEvents.activityPrescribedV2(caseId, UUID.randomUUID(),
                UUID.randomUUID(), OffsetDateTime.now(ZoneOffset.UTC), "walking", "Mrs Quennell's knitting circle"));

        ConsumerRecord<String, String> parked = EventTopics.eventsOf("caseload-events.outcomes-service.dlq",
                caseId.toString(), 1).get(0);
        assertEquals("org.linkwork.case.activity-prescribed.v2", EventTopics.header(parked, "ce_type"));
    }
}
