package org.linkwork.caseload.events;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** Referral events whose data does not bind to the consumer's records are parked on the DLQ and change nothing. */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class ReferralEventsConsumerTest {

    private static final String DLQ = "referral-events.caseload-service.dlq";

    @Inject
    EntityManager entityManager;

    @Test
    void anAcceptedReferralWithoutThePatientsNameGoesToTheDeadLetterTopicAndOpensNoCase() {
        UUID referralId = UUID.randomUUID();
        CloudEvent valid = CaseloadFixtures.accepted(referralId, "B86001", "ROUTINE", OffsetDateTime.now(ZoneOffset.UTC), null);
        CloudEvent nameless = new CloudEvent(valid.id(), valid.source(), valid.type(), valid.subject(), valid.time(),
                valid.dataContentType(), valid.data().replace("\"givenName\":\"Margaret\"", "\"givenName\":\"\""));

        CaseloadFixtures.publish(nameless);

        ConsumerRecord<String, String> parked = EventTopics.eventsOf(DLQ, referralId.toString(), 1).get(0);
        assertEquals(nameless.data(), parked.value());
        assertEquals(0L, casesOf(referralId));
    }

    @Test
    void aCancellationWithoutItsReferralIdGoesToTheDeadLetterTopic() {
        String subject = UUID.randomUUID().toString();
        CaseloadFixtures.publish(new CloudEvent(UUID.randomUUID().toString(), "/referral-service",
                ReferralCancelled.TYPE, subject, OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON,
                "{\"odsCode\":\"B86001\",\"previousStatus\":\"ACCEPTED\",\"reason\":\"DUPLICATE\"}"));

        assertEquals(1, EventTopics.eventsOf(DLQ, subject, 1).size());
    }

    private long casesOf(UUID referralId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("SELECT count(*) FROM case_record WHERE referral_id = ?1")
                .setParameter(1, referralId).getSingleResult()).longValue());
    }
}
