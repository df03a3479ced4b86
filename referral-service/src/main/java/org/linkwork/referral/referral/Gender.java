package org.linkwork.referral.referral;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The patient's administrative gender, coded as FHIR R4 AdministrativeGender
 * ({@code male|female|other|unknown}) in JSON and FHIR alike, so a GP system sends the value its record holds.
 */
public enum Gender {
    MALE, FEMALE, OTHER, UNKNOWN;

    /** The FHIR AdministrativeGender code, also how JSON reads and writes it. */
    @JsonValue
    public String code() {
        return name().toLowerCase();
    }

    /** The code, so that a 400 for a value outside the enum lists the codes a caller may send. */
    @Override
    public String toString() {
        return code();
    }
}
