package org.linkwork.referral.referral;

/** Coded reasons a coordinator gives for not accepting a referral. */
public enum RejectionReason {
    OUT_OF_AREA, NEEDS_CLINICAL_SERVICE, NOT_SUITABLE_FOR_SOCIAL_PRESCRIBING, INSUFFICIENT_INFORMATION,
    DUPLICATE, PATIENT_DECLINED
}
