package org.linkwork.referral.gprecord;

/**
 * What the referring practice's record is told about a referral. Two concepts have the national SNOMED CT codes
 * NHS England asks practices to use for social prescribing (as listed by, among others, socialrx.co.uk's "Social
 * prescribing SNOMED codes"): 871731000000106 |Referral to social prescribing service| and 871711000000103
 * |Social prescribing declined|. No public NHS source for the others was found, so they are coded in the Linkwork
 * code list {@link #LINKWORK}.
 */
public enum GpRecordConcept {
    REFERRED(GpRecordConcept.SNOMED, "871731000000106", "Referral to social prescribing service"),
    ACCEPTED(GpRecordConcept.LINKWORK, "referral-accepted", "Referral accepted by social prescribing service"),
    REJECTED(GpRecordConcept.LINKWORK, "referral-rejected", "Referral not accepted by social prescribing service"),
    FIRST_CONTACT(GpRecordConcept.LINKWORK, "first-contact", "First contact with social prescribing link worker"),
    SOCIAL_PRESCRIPTION_GIVEN(GpRecordConcept.LINKWORK, "social-prescription-given", "Social prescription given"),
    PATIENT_DECLINED(GpRecordConcept.SNOMED, "871711000000103", "Social prescribing declined"),
    COMPLETED(GpRecordConcept.LINKWORK, "referral-completed", "Social prescribing completed"),
    UNABLE_TO_CONTACT(GpRecordConcept.LINKWORK, "unable-to-contact", "Social prescribing closed: unable to contact"),
    CANCELLED(GpRecordConcept.LINKWORK, "referral-cancelled", "Referral to social prescribing cancelled");

    public static final String SNOMED = "http://snomed.info/sct";
    public static final String LINKWORK = "https://fhir.linkwork.nhs.uk/CodeSystem/gp-record-update";

    public final String system;
    public final String code;
    public final String display;

    GpRecordConcept(String system, String code, String display) {
        this.system = system;
        this.code = code;
        this.display = display;
    }
}
