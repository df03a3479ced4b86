package org.linkwork.referral.fhir;

/**
 * The UK Core R4 profiles the facade's resources declare in {@code meta.profile}, and the NHS identifier
 * systems those profiles bind. The CapabilityStatement names the same constants, so the two cannot differ.
 */
final class UkCore {

    static final String SERVICE_REQUEST = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-ServiceRequest";
    static final String PATIENT = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Patient";
    static final String TASK = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Task";
    static final String OBSERVATION = "https://fhir.hl7.org.uk/StructureDefinition/UKCore-Observation";

    static final String NHS_NUMBER = "https://fhir.nhs.uk/Id/nhs-number";
    static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code";

    /** The patient's ethnic category: a CodeableConcept from the NHS Data Dictionary's ETHNIC CATEGORY (England). */
    static final String ETHNIC_CATEGORY = "https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-EthnicCategory";
    static final String ETHNIC_CATEGORY_ENGLAND = "https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland";

    private UkCore() {
    }
}
