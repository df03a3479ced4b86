package org.linkwork.directory.capacity;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class CapacityFromEventsTest {

    private static CloudEvent activity(String type, UUID serviceId, String status) {
        UUID caseId = UUID.randomUUID();
        String data = "{\"caseId\":\"" + caseId + "\",\"referralId\":\"" + UUID.randomUUID() + "\",\"prescriptionId\":\""
                + UUID.randomUUID() + "\",\"serviceId\":\"" + serviceId + "\",\"status\":\"" + status + "\",\"at\":\""
                + OffsetDateTime.now(ZoneOffset.UTC) + "\"}";
        return new CloudEvent(UUID.randomUUID().toString(), "/caseload-service", type, caseId.toString(),
                OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }

    private static void awaitPlacesTaken(UUID serviceId, int expected) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.linkWorker())
                .get("/directory/services/" + serviceId).then().statusCode(200)
                .body("capacity.places_taken", equalTo(expected)));
    }

    @Test
    void prescriptionsTakePlacesAndEndingsFreeThemOncePerEvent() {
        UUID service = Directory.add(new ServiceSpec(Directory.tag() + " art class"));
        CloudEvent first = activity(CaseloadEventsConsumer.PRESCRIBED, service, "ACCEPTED");
        CloudEvent second = activity(CaseloadEventsConsumer.PRESCRIBED, service, "ACCEPTED");

        // The fixture starts with 4 of 12 places taken; the redelivered first event must not count twice.
        EventTopics.publish("caseload-events", first, first, second);
        awaitPlacesTaken(service, 6);

        EventTopics.publish("caseload-events", activity(CaseloadEventsConsumer.ENDED, service, "COMPLETED"));
        awaitPlacesTaken(service, 5);
        given().auth().oauth2(Tokens.linkWorker()).get("/directory/services/" + service).then()
                .body("capacity.places_available", equalTo(7)).body("version", equalTo(0));
    }

    @Test
    void activitiesOutsideTheDirectoryAreIgnored() {
        UUID service = Directory.add(new ServiceSpec(Directory.tag() + " book club"));
        CloudEvent elsewhere = activity(CaseloadEventsConsumer.PRESCRIBED, UUID.randomUUID(), "ACCEPTED");
        CloudEvent counted = activity(CaseloadEventsConsumer.PRESCRIBED, service, "ACCEPTED");

        EventTopics.publish("caseload-events", elsewhere, counted);

        awaitPlacesTaken(service, 5);
    }

    @Test
    void anEventWithoutAServiceGoesToTheDeadLetterTopic() {
        String caseId = UUID.randomUUID().toString();
        CloudEvent poison = new CloudEvent(UUID.randomUUID().toString(), "/caseload-service", CaseloadEventsConsumer.PRESCRIBED,
                caseId, OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, "{\"caseId\":\"" + caseId + "\"}");

        EventTopics.publish("caseload-events", poison);

        assertEquals(1, EventTopics.eventsOf("caseload-events.dlq", caseId, 1).size());
    }
}
