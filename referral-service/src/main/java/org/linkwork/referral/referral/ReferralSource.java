package org.linkwork.referral.referral;

/** Which door the referral came in through. */
public enum ReferralSource {
    JSON, FHIR
}
