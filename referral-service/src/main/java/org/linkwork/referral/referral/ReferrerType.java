package org.linkwork.referral.referral;

/**
 * Who referred, by kind: NHS England's model of social prescribing takes referrals from any local agency and from
 * the person themselves. Published as the Linkwork code list {@link #SYSTEM} (no NHS code list for it was found).
 */
public enum ReferrerType {
    GP_PRACTICE, OTHER_NHS_SERVICE, LOCAL_AUTHORITY, VCSE, SELF;

    public static final String SYSTEM = "https://fhir.linkwork.nhs.uk/CodeSystem/referrer-type";
}
