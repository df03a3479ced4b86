package org.linkwork.outcomes.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.outcomes.SourceEvents;
import org.linkwork.outcomes.SourceEvents.Patient;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.platform.pseudonym.Pseudonymiser;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * End to end on the real broker: one patient's referral and case, published with every identifier referral-service
 * holds, plus an assessment through the API, become report figures and pseudonymised ics-events; rejected referrals
 * become one pseudonymised event each; then every record ever produced on ics-events is searched for the identifiers.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "outcomes"))
@WithTestResource(OidcWiremockTestResource.class)
class IcsStreamTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WORKER = "lw-ics-stream";

    @Inject
    Pseudonymiser pseudonymiser;


    @Test
    void oneCaseBecomesAReportAndPseudonymisedIcsEventsThatCarryNoIdentifier() throws Exception {
        String pcn = SourceEvents.pcn();
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1956, 7, 14), "LS6 2AB");
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(3);

        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(referralId, ods, received, patient),
                SourceEvents.referralAccepted(referralId, ods, received, received.plusMinutes(5), patient));
        String referralPseudonym = pseudonymiser.pseudonymise(referralId.toString());
        // As in the suite, the case exists only after its referral was accepted (and applied here).
        EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 2);
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS,
                SourceEvents.caseAssigned(caseId, referralId, ods, pcn, WORKER, received.plusMinutes(10)),
                SourceEvents.contactRecorded(caseId, referralId, received.plusHours(1), true));
        String worker = RealmTokens.user(WORKER, "link-worker", Map.of("pcn", pcn));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(worker)
                .get("/outcomes/cases/" + caseId).statusCode() == 200);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("caseId", caseId, "instrument", "UCLA3",
                "timepoint", "BASELINE", "answers", Map.of("lackCompanionship", 3, "leftOut", 2, "isolated", 3),
                "completedAt", received.plusHours(1).toString())).post("/outcomes/assessments").then().statusCode(201);
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS,
                SourceEvents.caseClosed(caseId, referralId, ods, pcn, "GOALS_MET", received.plusHours(2)));

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 7);
        assertEquals(Set.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_ACCEPTED,
                IcsEvents.CASE_ASSIGNED, IcsEvents.CONTACT_RECORDED, IcsEvents.ASSESSMENT_RECORDED, IcsEvents.CASE_CLOSED),
                events.stream().map(r -> EventTopics.header(r, "ce_type")).collect(Collectors.toSet()));
        assertEquals(7, events.size(), "each source event once (the received referral in v1 and v2)");
        for (ConsumerRecord<String, String> event : events) {
            String type = EventTopics.header(event, "ce_type");
            EventSchemas.assertValid(type, event.value());
            assertEquals("/outcomes-service", EventTopics.header(event, "ce_source"));
            assertEquals(referralPseudonym, EventTopics.header(event, "ce_subject"));
            JsonNode data = JSON.readTree(event.value());
            assertEquals(pseudonymiser.pseudonymise(patient.nhsNumber()), data.path("patient").asText(), type);
            assertEquals("65-74", data.path("ageBand").asText(), type);
            assertEquals("LS6", data.path("postcodeDistrict").asText(), type);
            assertEquals(ods, data.path("odsCode").asText(), type);
            if (!type.startsWith("org.linkwork.ics.referral-")) {
                assertEquals(pcn, data.path("pcnCode").asText(), type);
            }
        }

        // outcome-events carries the assessment itself, keyed by case, in the shape its schema promises.
        ConsumerRecord<String, String> recorded = EventTopics.eventsOf("outcome-events", caseId.toString(), 1).get(0);
        assertEquals("org.linkwork.outcome.assessment-recorded.v1", EventTopics.header(recorded, "ce_type"));
        EventSchemas.assertValid("org.linkwork.outcome.assessment-recorded.v1", recorded.value());
        JsonNode assessment = JSON.readTree(recorded.value());
        assertEquals(referralId.toString(), assessment.path("referralId").asText());
        assertEquals(8, assessment.at("/scores/0/value").asInt());

        // The report shows the one case, every count of it suppressed.
        JsonPath report = given().auth().oauth2(RealmTokens.user("analyst", "ics-analyst", Map.of()))
                .get("/reports/monthly?pcn=" + pcn).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> rows = report.getList("rows");
        assertFalse(rows.isEmpty());
        for (String figure : List.of("referralsReceived", "referralsAccepted", "contactsHeld", "casesClosed",
                "firstContacts")) {
            assertTrue(rows.stream().anyMatch(row -> Boolean.TRUE.equals(((Map<?, ?>) row.get(figure)).get("suppressed"))),
                    figure + " of one case is suppressed in " + rows);
            assertTrue(rows.stream().noneMatch(row -> ((Map<?, ?>) row.get(figure)).get("value") instanceof Integer n && n > 0),
                    figure + " shows no small count in " + rows);
        }

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(referralId.toString(), caseId.toString(), WORKER, "Widowed", "Hearing loop"));
        assertNoIcsRecordCarries(identifiers, referralPseudonym);
    }

    @Test
    void waitingActivitiesGpAttendanceAndTheWorkforceReachIcsEventsWithoutIdentifiers() throws Exception {
        String pcn = SourceEvents.pcn();
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1990, 2, 3), "LS7 4AB");
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID linkWorkerId = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(5);
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(referralId, ods, received, patient),
                SourceEvents.referralAccepted(referralId, ods, received, received.plusMinutes(5), patient));
        String referralPseudonym = pseudonymiser.pseudonymise(referralId.toString());
        EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 2);
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS,
                SourceEvents.waitingListed(caseId, referralId, ods, pcn, received.plusMinutes(6)),
                SourceEvents.caseAssigned(caseId, referralId, ods, pcn, WORKER, received.plusHours(1)),
                SourceEvents.planAgreed(caseId, referralId, ods, pcn, received.plusHours(2)),
                SourceEvents.activityPrescribed(caseId, referralId, received.plusHours(2)),
                SourceEvents.activityEnded(caseId, referralId, "COMPLETED", received.plusHours(3)),
                SourceEvents.linkWorkerChanged(linkWorkerId, pcn, "0.8", true, received));
        String worker = RealmTokens.user(WORKER, "link-worker", Map.of("pcn", pcn));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(worker)
                .get("/outcomes/cases/" + caseId).statusCode() == 200);
        given().auth().oauth2(worker).contentType(ContentType.JSON).body(Map.of("appointmentsBefore", 6))
                .put("/outcomes/cases/" + caseId + "/gp-attendance").then().statusCode(200);

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 9);
        assertEquals(List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_ACCEPTED, IcsEvents.WAITING_LISTED,
                IcsEvents.CASE_ASSIGNED, IcsEvents.PLAN_AGREED, IcsEvents.ACTIVITY_PRESCRIBED, IcsEvents.ACTIVITY_ENDED,
                IcsEvents.GP_ATTENDANCE_RECORDED), events.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
        assertEquals(received.plusHours(2).toInstant(),
                OffsetDateTime.parse(JSON.readTree(events.get(5).value()).path("agreedAt").asText()).toInstant());
        JsonNode ended = JSON.readTree(events.get(7).value());
        assertEquals("COMPLETED", ended.path("status").asText());
        JsonNode gp = JSON.readTree(events.get(8).value());
        assertEquals(6, gp.path("appointmentsBefore").asInt());
        assertTrue(gp.path("appointmentsAfter").isNull());

        String workerPseudonym = pseudonymiser.pseudonymise(linkWorkerId.toString());
        ConsumerRecord<String, String> workforce = EventTopics.eventsOf(IcsEvents.TOPIC, workerPseudonym, 1).get(0);
        assertEquals(IcsEvents.WORKFORCE_CHANGED, EventTopics.header(workforce, "ce_type"));
        EventSchemas.assertValid(IcsEvents.WORKFORCE_CHANGED, workforce.value());
        JsonNode staff = JSON.readTree(workforce.value());
        assertEquals(pcn, staff.path("pcnCode").asText());
        assertEquals(0.8, staff.path("fte").asDouble());

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(referralId.toString(), caseId.toString(), linkWorkerId.toString(), WORKER));
        assertNoIcsRecordCarries(identifiers, referralPseudonym, workerPseudonym);
    }

    @Test
    void prescriptionsReachIcsEventsAsV1AndBesideItV2WithTheirTermsOnceEachInEitherOrderWithoutIdentifiers()
            throws Exception {
        String pcn = SourceEvents.pcn();
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1948, 4, 21), "LS12 3AB");
        UUID referralId = UUID.randomUUID();
        UUID caseId = UUID.randomUUID();
        UUID walkingTogether = UUID.randomUUID();
        UUID unknownService = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(4).truncatedTo(ChronoUnit.SECONDS);
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(referralId, ods, received, patient),
                SourceEvents.referralAccepted(referralId, ods, received, received.plusMinutes(5), patient));
        String referralPseudonym = pseudonymiser.pseudonymise(referralId.toString());
        EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 3);
        CloudEvent withTerms = SourceEvents.activityPrescribedV2(caseId, referralId, walkingTogether,
                received.plusHours(1), "walking", "peer-support");
        // The first as caseload-service publishes it (v1, then v2), v2 redelivered and then sent again with other
        // terms; the second with v2 ahead of v1 (a service the directory did not know: no terms).
        EventTopics.publish(SourceEvents.CASELOAD_EVENTS,
                SourceEvents.caseAssigned(caseId, referralId, ods, pcn, WORKER, received.plusMinutes(30)),
                SourceEvents.activityPrescribed(caseId, referralId, walkingTogether, received.plusHours(1)),
                withTerms, withTerms,
                SourceEvents.activityPrescribedV2(caseId, referralId, walkingTogether, received.plusHours(1), "gardening"),
                SourceEvents.activityPrescribedV2(caseId, referralId, unknownService, received.plusHours(2)),
                SourceEvents.activityPrescribed(caseId, referralId, unknownService, received.plusHours(2)));

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 8);
        assertEquals(List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_ACCEPTED,
                IcsEvents.CASE_ASSIGNED, IcsEvents.ACTIVITY_PRESCRIBED, IcsEvents.ACTIVITY_PRESCRIBED_V2,
                IcsEvents.ACTIVITY_PRESCRIBED, IcsEvents.ACTIVITY_PRESCRIBED_V2),
                events.stream().map(r -> EventTopics.header(r, "ce_type")).toList(), "each prescription once in each version");
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
            assertEquals(referralPseudonym, EventTopics.header(event, "ce_subject"));
        }
        for (int v1 : List.of(4, 6)) {
            JsonNode prescribed = JSON.readTree(events.get(v1).value());
            ObjectNode twin = (ObjectNode) JSON.readTree(events.get(v1 + 1).value());
            assertTrue(twin.remove("taxonomyTerms").isArray(), twin.toString());
            assertEquals(prescribed, twin, "v2 is v1 and the terms");
            assertEquals(pseudonymiser.pseudonymise(patient.nhsNumber()), prescribed.path("patient").asText());
            assertEquals(pcn, prescribed.path("pcnCode").asText());
        }
        assertEquals(received.plusHours(1), OffsetDateTime.parse(JSON.readTree(events.get(5).value()).path("prescribedAt").asText()));
        assertEquals(List.of("walking", "peer-support"), terms(events.get(5)), "the first terms stay");
        assertEquals(List.of(), terms(events.get(7)));

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(referralId.toString(), caseId.toString(), walkingTogether.toString(),
                unknownService.toString(), SourceEvents.SERVICE_ID, WORKER));
        assertNoIcsRecordCarries(identifiers, referralPseudonym);
    }

    private static List<String> terms(ConsumerRecord<String, String> record) throws Exception {
        List<String> terms = new ArrayList<>();
        JSON.readTree(record.value()).path("taxonomyTerms").forEach(term -> terms.add(term.asText()));
        return terms;
    }

    @Test
    void whoWasReferredReachesIcsEventsAsSexEthnicGroupAndDeprivationDecileNeverAsTheLsoa() throws Exception {
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1971, 9, 30), "LS9 7TF");
        UUID described = UUID.randomUUID();
        UUID unknownArea = UUID.randomUUID();
        UUID undescribed = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        // E01011268 is in decile 2 of the IMD 2019 file; E01099999 has an LSOA code's shape but is in no census.
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(described, ods, received, patient, "FEMALE", "K", "E01011268"),
                SourceEvents.referralReceived(unknownArea, ods, received, patient, "NOT_KNOWN", "Z", "E01099999"),
                SourceEvents.referralReceived(undescribed, ods, received, patient));

        JsonNode first = receivedV2(described);
        assertEquals("FEMALE", first.path("sex").asText());
        assertEquals("ASIAN", first.path("ethnicGroup").asText());
        assertEquals(2, first.path("imdDecile").asInt());
        assertEquals("55-64", first.path("ageBand").asText());
        JsonNode second = receivedV2(unknownArea);
        assertEquals("NOT_STATED", second.path("ethnicGroup").asText());
        assertTrue(second.path("imdDecile").isNull(), second.toString());
        JsonNode third = receivedV2(undescribed);
        for (String unknown : List.of("sex", "ethnicGroup", "imdDecile")) {
            assertTrue(third.path(unknown).isNull(), unknown + " not sent, so null: " + third);
        }

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(described.toString(), "E01011268", "E01099999"));
        assertNoIcsRecordCarries(identifiers, pseudonymiser.pseudonymise(described.toString()));
    }

    /** The referral's v2 received event, after checking that v1 was published beside it, both valid. */
    private JsonNode receivedV2(UUID referralId) throws Exception {
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC,
                pseudonymiser.pseudonymise(referralId.toString()), 2);
        assertEquals(List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2),
                events.stream().map(r -> EventTopics.header(r, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(EventTopics.header(event, "ce_type"), event.value());
        }
        assertTrue(JSON.readTree(events.get(0).value()).path("sex").isMissingNode(), "v1 keeps its shape");
        return JSON.readTree(events.get(1).value());
    }

    @Test
    void aRejectedReferralBecomesOnePseudonymisedIcsEventWithItsCodedReason() throws Exception {
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1984, 6, 10), "LS11 5QT");
        UUID referralId = UUID.randomUUID();
        UUID unseenReferralId = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        // Sent with another offset: the ics event carries the same instant in UTC, like its other times.
        OffsetDateTime rejectedAt = received.plusMinutes(40).withOffsetSameInstant(ZoneOffset.ofHours(1));
        CloudEvent rejected = SourceEvents.referralRejected(referralId, ods, "OUT_OF_AREA", rejectedAt);

        // The second rejection is redelivered; the other referral's received event never reached this service.
        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(referralId, ods, received, patient), rejected, rejected,
                SourceEvents.referralRejected(unseenReferralId, ods, "DUPLICATE", rejectedAt));

        String referralPseudonym = pseudonymiser.pseudonymise(referralId.toString());
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 3);
        assertEquals(List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_REJECTED),
                events.stream().map(r -> EventTopics.header(r, "ce_type")).toList(), "each source event once");
        JsonNode data = rejection(events.get(2), referralPseudonym);
        assertEquals(pseudonymiser.pseudonymise(patient.nhsNumber()), data.path("patient").asText());
        assertEquals("35-44", data.path("ageBand").asText());
        assertEquals("LS11", data.path("postcodeDistrict").asText());
        assertEquals(ods, data.path("odsCode").asText());
        assertTrue(data.path("pcnCode").isNull(), "no case, so no PCN known for a new practice: " + data);
        assertEquals(received, OffsetDateTime.parse(data.path("receivedAt").asText()));
        assertEquals(rejectedAt.withOffsetSameInstant(ZoneOffset.UTC), OffsetDateTime.parse(data.path("rejectedAt").asText()));
        assertEquals("OUT_OF_AREA", data.path("reason").asText());

        String unseenPseudonym = pseudonymiser.pseudonymise(unseenReferralId.toString());
        List<ConsumerRecord<String, String>> unseen = EventTopics.eventsOf(IcsEvents.TOPIC, unseenPseudonym, 1);
        assertEquals(1, unseen.size(), "one event for one rejection");
        JsonNode unseenData = rejection(unseen.get(0), unseenPseudonym);
        for (String unknown : List.of("patient", "ageBand", "postcodeDistrict", "receivedAt")) {
            assertTrue(unseenData.path(unknown).isNull(), unknown + " unknown without the received event: " + unseenData);
        }
        assertEquals(ods, unseenData.path("odsCode").asText());
        assertEquals("DUPLICATE", unseenData.path("reason").asText());

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(referralId.toString(), unseenReferralId.toString()));
        assertNoIcsRecordCarries(identifiers, referralPseudonym, unseenPseudonym);
    }

    @Test
    void aCancelledReferralBecomesOnePseudonymisedIcsEventWithItsCodedReasonAndNeverFreeText() throws Exception {
        String ods = SourceEvents.practice();
        Patient patient = Patient.random(LocalDate.of(1990, 2, 3), "LS9 7TF");
        UUID referralId = UUID.randomUUID();
        UUID legacyReferralId = UUID.randomUUID();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(2).truncatedTo(ChronoUnit.SECONDS);
        CloudEvent cancelled = SourceEvents.referralCancelled(referralId, ods, "RECEIVED", "MOVED_AWAY",
                received.plusMinutes(20));
        // Before reasons were coded a cancellation carried the canceller's words, which may name the patient.
        String legacyText = "Mrs " + patient.familyName() + " moved in with her daughter";

        EventTopics.publish(SourceEvents.REFERRAL_EVENTS,
                SourceEvents.referralReceived(referralId, ods, received, patient), cancelled, cancelled,
                SourceEvents.referralCancelled(legacyReferralId, ods, "ACCEPTED", legacyText, received.plusMinutes(30)));

        String referralPseudonym = pseudonymiser.pseudonymise(referralId.toString());
        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf(IcsEvents.TOPIC, referralPseudonym, 3);
        assertEquals(List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_CANCELLED),
                events.stream().map(r -> EventTopics.header(r, "ce_type")).toList(), "each source event once");
        EventSchemas.assertValid(IcsEvents.REFERRAL_CANCELLED, events.get(2).value());
        JsonNode data = JSON.readTree(events.get(2).value());
        assertEquals(pseudonymiser.pseudonymise(patient.nhsNumber()), data.path("patient").asText());
        assertEquals("35-44", data.path("ageBand").asText());
        assertEquals("LS9", data.path("postcodeDistrict").asText());
        assertEquals(received, OffsetDateTime.parse(data.path("receivedAt").asText()));
        assertEquals("RECEIVED", data.path("previousStatus").asText());
        assertEquals("MOVED_AWAY", data.path("reason").asText());

        String legacyPseudonym = pseudonymiser.pseudonymise(legacyReferralId.toString());
        ConsumerRecord<String, String> legacy = EventTopics.eventsOf(IcsEvents.TOPIC, legacyPseudonym, 1).get(0);
        EventSchemas.assertValid(IcsEvents.REFERRAL_CANCELLED, legacy.value());
        assertTrue(JSON.readTree(legacy.value()).path("reason").isNull(), legacy.value());

        List<String> identifiers = new ArrayList<>(identifiersOf(patient));
        identifiers.addAll(List.of(referralId.toString(), legacyReferralId.toString(), legacyText, "daughter"));
        assertNoIcsRecordCarries(identifiers, referralPseudonym, legacyPseudonym);
    }

    @Test
    void casesClosedBecauseTheirReferralsWereCancelledReachTheReportAndIcsEventsWithTheirCode() throws Exception {
        String pcn = SourceEvents.pcn();
        String ods = SourceEvents.practice();
        OffsetDateTime received = OffsetDateTime.now(ZoneOffset.UTC).minusHours(1);
        // Eight, so that the report shows the count instead of suppressing it.
        List<String> pseudonyms = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            UUID referralId = UUID.randomUUID();
            UUID caseId = UUID.randomUUID();
            EventTopics.publish(SourceEvents.REFERRAL_EVENTS, SourceEvents.referralReceived(referralId, ods, received,
                    Patient.random(LocalDate.of(1950, 1, 2), "LS11 5QT")));
            EventTopics.publish(SourceEvents.CASELOAD_EVENTS,
                    SourceEvents.caseAssigned(caseId, referralId, ods, pcn, WORKER, received.plusMinutes(10)),
                    SourceEvents.caseClosed(caseId, referralId, ods, pcn, "REFERRAL_CANCELLED", received.plusMinutes(30)));
            pseudonyms.add(pseudonymiser.pseudonymise(referralId.toString()));
        }

        for (String pseudonym : pseudonyms) {
            ConsumerRecord<String, String> closed = EventTopics.eventsOf(IcsEvents.TOPIC, pseudonym, 4).stream()
                    .filter(r -> IcsEvents.CASE_CLOSED.equals(EventTopics.header(r, "ce_type"))).findFirst().orElseThrow();
            EventSchemas.assertValid(IcsEvents.CASE_CLOSED, closed.value());
            JsonNode data = JSON.readTree(closed.value());
            assertEquals("REFERRAL_CANCELLED", data.path("reason").asText());
            assertEquals(pcn, data.path("pcnCode").asText());
        }
        JsonPath report = given().auth().oauth2(RealmTokens.user("analyst", "ics-analyst", Map.of()))
                .get("/reports/monthly?pcn=" + pcn).then().statusCode(200).extract().jsonPath();
        assertEquals(8, report.getInt("rows.find { it.casesClosedByReason.REFERRAL_CANCELLED != null }.casesClosedByReason.REFERRAL_CANCELLED.value"),
                report.prettify());
    }

    @Test
    void publishesItsAsyncApiDocumentsAndSchemas() {
        given().get("/asyncapi/ics-events.yaml").then().statusCode(200)
                .body(containsString(IcsEvents.CASE_CLOSED), containsString(IcsEvents.REFERRAL_REJECTED),
                        containsString(IcsEvents.ACTIVITY_PRESCRIBED_V2));
        given().get("/asyncapi/outcome-events.yaml").then().statusCode(200)
                .body(containsString("org.linkwork.outcome.assessment-recorded.v1"));
        for (String type : List.of(IcsEvents.REFERRAL_RECEIVED, IcsEvents.REFERRAL_RECEIVED_V2, IcsEvents.REFERRAL_ACCEPTED,
                IcsEvents.REFERRAL_REJECTED, IcsEvents.REFERRAL_CANCELLED, IcsEvents.CASE_ASSIGNED, IcsEvents.CONTACT_RECORDED, IcsEvents.CASE_CLOSED,
                IcsEvents.ASSESSMENT_RECORDED, IcsEvents.ACTIVITY_PRESCRIBED_V2, "org.linkwork.outcome.assessment-recorded.v1")) {
            given().get("/asyncapi/schemas/" + type + ".json").then().statusCode(200)
                    .body("title", equalTo(type));
        }
    }

    /** A referral-rejected record, checked against its schema and its CloudEvents headers; its data. */
    private static JsonNode rejection(ConsumerRecord<String, String> record, String referralPseudonym) throws Exception {
        assertEquals(IcsEvents.REFERRAL_REJECTED, EventTopics.header(record, "ce_type"));
        EventSchemas.assertValid(IcsEvents.REFERRAL_REJECTED, record.value());
        assertEquals("/outcomes-service", EventTopics.header(record, "ce_source"));
        assertEquals(referralPseudonym, EventTopics.header(record, "ce_subject"));
        JsonNode data = JSON.readTree(record.value());
        assertEquals(referralPseudonym, data.path("referral").asText());
        return data;
    }

    /** What referral-service knows about the patient, also in the other spellings a leak could take. */
    private static List<String> identifiersOf(Patient patient) {
        return List.of(patient.nhsNumber(), patient.nhsNumber().replaceAll("(\\d{3})(\\d{3})(\\d{4})", "$1 $2 $3"),
                patient.givenName(), patient.familyName(), patient.phone(), patient.phone().replace(" ", ""),
                patient.email(), patient.postcode(), patient.postcode().replace(" ", ""),
                patient.dateOfBirth().toString(), patient.dateOfBirth().format(DateTimeFormatter.ofPattern("dd/MM/yyyy")));
    }

    /**
     * Searches every record ever produced on ics-events (key, value, headers) for the identifiers, after checking
     * that the scan reaches the records of the given referral pseudonyms.
     */
    private void assertNoIcsRecordCarries(List<String> identifiers, String... referralPseudonyms) {
        List<ConsumerRecord<String, String>> everything = allRecords(IcsEvents.TOPIC);
        assertTrue(everything.stream().map(ConsumerRecord::key).collect(Collectors.toSet())
                .containsAll(Arrays.asList(referralPseudonyms)), "the scan covers this test's records");
        for (ConsumerRecord<String, String> record : everything) {
            StringBuilder text = new StringBuilder(String.valueOf(record.key())).append('\n').append(record.value());
            for (Header header : record.headers()) {
                text.append('\n').append(header.key()).append('=').append(new String(header.value(), StandardCharsets.UTF_8));
            }
            for (String identifier : identifiers) {
                assertFalse(text.toString().toLowerCase().contains(identifier.toLowerCase()),
                        "ics-events record at offset " + record.offset() + " carries " + identifier + ": " + text);
            }
        }
    }

    /**
     * Every record on the topic from its beginning to its current end, whoever produced it, read as an ICS
     * dashboard reads it: as the realm's {@code ics-dashboard} client, in a group named after it.
     */
    private List<ConsumerRecord<String, String>> allRecords(String topic) {
        Map<String, Object> props = new HashMap<>(RealInfrastructure.kafkaClient("ics-dashboard"));
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ics-dashboard-scan-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            assertTrue(partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p)), "read to the end of " + topic);
        }
        return records;
    }
}
