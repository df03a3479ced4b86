package org.linkwork.dashboard;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.linkwork.platform.events.CloudEvent;

/** ics-events records as outcomes-service publishes them (its JSON Schemas), for one referral or link worker. */
public final class StreamEvents {

    public static final String TOPIC = "ics-events";

    private StreamEvents() {
    }

    /** A fresh 64-hex pseudonym. */
    public static String pseudonym() {
        byte[] bytes = new byte[32];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** A practice code of this test run: a letter and five digits. */
    public static String practice() {
        return "Q" + (10000 + ThreadLocalRandom.current().nextInt(90000));
    }

    public static String pcn() {
        return "U" + (10000 + ThreadLocalRandom.current().nextInt(90000));
    }

    /** One referral's events, placed in a practice and (once caseload named it) a PCN. */
    public record Referral(String referral, String odsCode, String pcnCode) {

        public static Referral of(String odsCode, String pcnCode) {
            return new Referral(pseudonym(), odsCode, pcnCode);
        }

        private String journey(String pcn) {
            return """
                    "patient":"%s","referral":"%s","odsCode":"%s","pcnCode":%s,"ageBand":"45-54","postcodeDistrict":"LS6\""""
                    .formatted(pseudonym(), referral, odsCode, pcn == null ? "null" : "\"" + pcn + "\"");
        }

        public CloudEvent receivedV1(OffsetDateTime at) {
            return event("org.linkwork.ics.referral-received.v1", """
                    {%s,"reasons":["LONELINESS"],"urgency":"ROUTINE","receivedAt":"%s"}""".formatted(journey(null), at));
        }

        public CloudEvent receivedV2(OffsetDateTime at, String sex, String ethnicGroup, Integer imdDecile) {
            return event("org.linkwork.ics.referral-received.v2", """
                    {%s,"sex":%s,"ethnicGroup":%s,"imdDecile":%s,"reasons":["LONELINESS"],"urgency":"ROUTINE","receivedAt":"%s"}"""
                    .formatted(journey(null), quoted(sex), quoted(ethnicGroup), imdDecile, at));
        }

        public CloudEvent accepted(OffsetDateTime receivedAt, OffsetDateTime at) {
            return event("org.linkwork.ics.referral-accepted.v1", """
                    {%s,"receivedAt":"%s","acceptedAt":"%s"}""".formatted(journey(null), receivedAt, at));
        }

        public CloudEvent assigned(OffsetDateTime at) {
            return event("org.linkwork.ics.case-assigned.v1", """
                    {%s,"assignedAt":"%s","reassignment":false}""".formatted(journey(pcnCode), at));
        }

        public CloudEvent contact(OffsetDateTime at, boolean attended) {
            return event("org.linkwork.ics.contact-recorded.v1", """
                    {%s,"contactAt":"%s","mode":"PHONE","durationMinutes":30,"attended":%s}"""
                    .formatted(journey(pcnCode), at, attended));
        }

        public CloudEvent closed(OffsetDateTime at) {
            return event("org.linkwork.ics.case-closed.v1", """
                    {%s,"reason":"GOALS_MET","closedAt":"%s"}""".formatted(journey(pcnCode), at));
        }

        /** A SWEMWBS assessment with its metric score (and a raw score, which the reports do not follow). */
        public CloudEvent swemwbs(String timepoint, OffsetDateTime at, String metric) {
            return event("org.linkwork.ics.assessment-recorded.v1", """
                    {%s,"instrument":"SWEMWBS","timepoint":"%s","completedAt":"%s","scores":[\
                    {"measure":"raw","value":21,"band":null},{"measure":"metric","value":%s,"band":null}]}"""
                    .formatted(journey(pcnCode), timepoint, at, metric));
        }

        private CloudEvent event(String type, String data) {
            return new CloudEvent(UUID.randomUUID().toString(), "/outcomes-service", type, referral,
                    OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
        }
    }

    public static CloudEvent workforceChanged(String linkWorker, String pcn, String fte, boolean active,
            OffsetDateTime at) {
        return new CloudEvent(UUID.randomUUID().toString(), "/outcomes-service", "org.linkwork.ics.workforce-changed.v1",
                linkWorker, OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, """
                        {"linkWorker":"%s","pcnCode":"%s","fte":%s,"active":%s,"changedAt":"%s"}"""
                        .formatted(linkWorker, pcn, fte, active, at));
    }

    private static String quoted(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }
}
