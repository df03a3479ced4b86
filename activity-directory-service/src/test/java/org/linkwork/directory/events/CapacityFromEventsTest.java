package org.linkwork.directory.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.capacity.CapacityChanged;
import org.linkwork.directory.capacity.ServiceFull;
import org.linkwork.directory.testing.Directory;
import org.linkwork.directory.testing.Directory.ServiceSpec;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory"))
@WithTestResource(OidcWiremockTestResource.class)
class CapacityFromEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    void eachChangeOfPlacesIsAnnouncedOnceAndTheLastPlaceTakenAnnouncesTheServiceFull() throws Exception {
        UUID service = Directory.add(new ServiceSpec(Directory.tag() + " pottery").capacity(6, 4));
        CloudEvent first = activity(CaseloadEventsConsumer.PRESCRIBED, service, "ACCEPTED");
        CloudEvent last = activity(CaseloadEventsConsumer.PRESCRIBED, service, "ACCEPTED");

        EventTopics.publish("caseload-events", first, first, last);
        awaitPlacesTaken(service, 6);
        EventTopics.publish("caseload-events", first, activity(CaseloadEventsConsumer.ENDED, service, "COMPLETED"));
        awaitPlacesTaken(service, 5);

        // eventsOf waits 2 s beyond the 4 expected, so an event emitted twice would show here.
        List<ConsumerRecord<String, String>> records = EventTopics.eventsOf("directory-events", service.toString(), 4);
        assertEquals(List.of(CapacityChanged.TYPE, CapacityChanged.TYPE, ServiceFull.TYPE,
                CapacityChanged.TYPE), records.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        List<JsonNode> data = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            EventSchemas.assertValid(EventTopics.header(record, "ce_type"), record.value());
            data.add(JSON.readTree(record.value()));
        }
        assertEquals(List.of(5, 6, 6, 5), data.stream().map(d -> d.get("placesTaken").asInt()).toList());
        assertEquals(List.of(1, 0, 1), List.of(data.get(0).get("placesAvailable").asInt(),
                data.get(1).get("placesAvailable").asInt(), data.get(3).get("placesAvailable").asInt()));
        assertEquals(List.of(first.id(), last.id(), last.id()), List.of(data.get(0).get("causationId").asText(),
                data.get(1).get("causationId").asText(), data.get(2).get("causationId").asText()));
        assertEquals(-1, data.get(3).get("change").asInt());
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

        assertEquals(1, EventTopics.eventsOf("caseload-events.activity-directory-service.dlq", caseId, 1).size());
    }
}
