package org.linkwork.referral.referral;

/** Why the patient is referred: the non-medical needs social prescribing addresses. */
public enum Reason {
    LONELINESS, LOW_MOOD, ANXIETY, STRESS, BEREAVEMENT, LONG_TERM_CONDITION, PHYSICAL_INACTIVITY, WEIGHT,
    FINANCIAL, HOUSING, EMPLOYMENT, CARER_SUPPORT, OTHER
}
