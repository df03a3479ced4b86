package org.linkwork.outcomes.journeys;

/**
 * What may be told of a patient's journey outside this service: keyed pseudonyms of the patient's NHS number (null
 * while the referral has not reached this service) and of the referral id, age band, postcode district, practice and
 * PCN. The common part of every {@code ics-events} record.
 */
public record Journey(String patient, String referral, String odsCode, String pcnCode, String ageBand,
        String postcodeDistrict) {
}
