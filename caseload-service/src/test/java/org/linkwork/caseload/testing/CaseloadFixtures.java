package org.linkwork.caseload.testing;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

import io.restassured.http.ContentType;

/** Arranges a test: link workers in a PCN, accepted referrals on Kafka, and finding the resulting case. */
public final class CaseloadFixtures {

    private CaseloadFixtures() {
    }

    /** Adds a link worker through the coordinator API; returns the worker's id. */
    public static String addWorker(String pcn, String username, int cap, String... languages) {
        return given().auth().oauth2(Tokens.coordinator(pcn)).contentType(ContentType.JSON)
                .body(Map.of("username", username, "name", "Test " + username, "pcnCode", pcn, "fte", 1.0,
                        "caseloadCap", cap, "languages", List.of(languages), "active", true))
                .post("/link-workers").then().statusCode(201).extract().path("id");
    }

    public static String uniqueUsername(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** referral-service's {@code referral.accepted} event as its published schema describes it. */
    public static CloudEvent accepted(UUID referralId, String odsCode, String urgency, OffsetDateTime receivedAt,
            String interpreterLanguage) {
        return accepted(referralId, odsCode, urgency, receivedAt, interpreterLanguage, List.of("LONELINESS"), null);
    }

    /** As above, with the referral's reasons and the patient's accessibility needs (free text or null). */
    public static CloudEvent accepted(UUID referralId, String odsCode, String urgency, OffsetDateTime receivedAt,
            String interpreterLanguage, List<String> reasons, String accessibilityNeeds) {
        String nhs = "999" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        String data = """
                {"referralId":"%s","odsCode":"%s","reasons":[%s],"urgency":"%s",
                 "receivedAt":"%s","acceptedAt":"%s","acceptedBy":"system:auto-triage",
                 "patient":{"nhsNumber":"%s","givenName":"Margaret","familyName":"Hughes","dateOfBirth":"1948-03-14",
                  "postcode":"LS11 5AB","phone":"0113 496 0000","email":null,"preferredContact":"PHONE",
                  "interpreterLanguage":%s,"accessibilityNeeds":%s},
                 "notes":"Widowed last year."}""".formatted(referralId, odsCode,
                reasons.stream().map(r -> "\"" + r + "\"").collect(java.util.stream.Collectors.joining(",")), urgency,
                receivedAt, OffsetDateTime.now(ZoneOffset.UTC), nhs, quoted(interpreterLanguage), quoted(accessibilityNeeds));
        return new CloudEvent(UUID.randomUUID().toString(), "/referral-service", "org.linkwork.referral.accepted.v1",
                referralId.toString(), OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }

    private static String quoted(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    public static void publish(CloudEvent... events) {
        EventTopics.publish("referral-events", events);
    }

    /** The PCN's cases opened from this referral, as the coordinator sees them. */
    public static List<Map<String, Object>> casesOf(String pcn, UUID referralId) {
        List<Map<String, Object>> all = given().auth().oauth2(Tokens.coordinator(pcn)).get("/cases")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(c -> referralId.toString().equals(c.get("referralId"))).toList();
    }

    public static Map<String, Object> awaitCase(String pcn, UUID referralId) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> found = casesOf(pcn, referralId);
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("No case for referral " + referralId + " in PCN " + pcn);
    }
}
