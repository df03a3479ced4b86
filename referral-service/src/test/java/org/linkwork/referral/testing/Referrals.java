package org.linkwork.referral.testing;

import java.util.concurrent.ThreadLocalRandom;

import org.linkwork.referral.referral.NhsNumber;

/** Test patients: NHS numbers from the 999 range reserved for test data, with valid check digits. */
public final class Referrals {

    private Referrals() {
    }

    public static String newNhsNumber() {
        while (true) {
            String first = "999" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
            Integer check = NhsNumber.checkDigit(first);
            if (check != null) {
                return first + check;
            }
        }
    }

    public static String body(String nhsNumber, String odsCode) {
        return """
                {"patient":{"nhsNumber":"%s","givenName":"Margaret","familyName":"Hughes",
                 "dateOfBirth":"1948-03-14","postcode":"ls6 2ab","phone":"0113 496 0000","preferredContact":"PHONE",
                 "interpreterLanguage":"Welsh"},
                 "referrer":{"odsCode":"%s","practitionerName":"Dr Asha Patel","practitionerRole":"GP"},
                 "reasons":["LONELINESS","LOW_MOOD"],"urgency":"ROUTINE",
                 "consent":{"given":true,"recordedAt":"2026-11-20T10:15:00Z"},
                 "notes":"Widowed last year, rarely leaves the house."}""".formatted(nhsNumber, odsCode);
    }
}
