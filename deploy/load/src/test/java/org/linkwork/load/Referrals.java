package org.linkwork.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Unique referrals as a GP system sends them: a fresh NHS number each (Modulus 11 valid, so none is refused
 * or merged with another patient's open referral), in the JSON API's and the FHIR facade's forms.
 */
final class Referrals {

    /** The practice the realm's gp-system client speaks for. */
    static final String PRACTICE = "B86043";

    // Counted through the 999 range NHS England reserves for test data, from a random start, so that runs against
    // the same database do not soon repeat a patient.
    private static final AtomicLong NEXT = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));
    private static final String SERVICE_REQUEST = resource("service-request.json");

    private Referrals() {
    }

    static String json() {
        String nhsNumber = nextNhsNumber();
        return """
                {"patient": {"nhsNumber": "%s", "givenName": "Load", "familyName": "Patient%s",
                  "dateOfBirth": "1951-06-02", "postcode": "LS6 4AA", "phone": "0113 496 0000",
                  "preferredContact": "PHONE"},
                 "referrer": {"odsCode": "%s", "practitionerName": "Dr Asha Patel", "practitionerRole": "GP"},
                 "reasons": ["LONELINESS", "LOW_MOOD"], "urgency": "ROUTINE",
                 "consent": {"given": true, "recordedAt": "%s"},
                 "notes": "Widowed last year, rarely leaves the house; would like company and to get out more."}
                """.formatted(nhsNumber, nhsNumber.substring(6), PRACTICE, Instant.now().minus(1, ChronoUnit.DAYS));
    }

    static String fhir() {
        return SERVICE_REQUEST.replace("9434765919", nextNhsNumber());
    }

    /** The next NHS number whose Modulus 11 check digit exists (a remainder of 10 has none). */
    static String nextNhsNumber() {
        while (true) {
            String body = "999" + String.format("%06d", NEXT.getAndIncrement() % 1_000_000L);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (body.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 10) {
                continue;
            }
            return body + (check == 11 ? 0 : check);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Referrals.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
