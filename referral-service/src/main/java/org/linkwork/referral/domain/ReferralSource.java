package org.linkwork.referral.domain;

/** Which door the referral came in through. */
public enum ReferralSource {
    JSON, FHIR
}
