package org.linkwork.referral.fhir;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.referral.EthnicCategory;
import org.linkwork.referral.referral.Gender;
import org.linkwork.referral.referral.Referral;

/**
 * The patient as the referral recorded them, a UK Core Patient. Its id is the referral's: each referral keeps
 * its own copy of the patient's details, as the referrer sent them.
 */
final class PatientMapper {

    private PatientMapper() {
    }

    static Patient toPatient(Referral referral) {
        var details = referral.patient;
        Patient patient = new Patient();
        patient.setId(referral.id.toString());
        patient.getMeta().addProfile(UkCore.PATIENT);
        patient.addIdentifier(nhsNumber(referral));
        patient.addName().setFamily(details.familyName).addGiven(details.givenName);
        patient.setGender(gender(details.gender));
        patient.setBirthDateElement(new DateType(details.dateOfBirth.toString()));
        patient.addAddress().setPostalCode(details.postcode);
        if (details.phone != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(details.phone);
        }
        if (details.email != null) {
            patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(details.email);
        }
        if (details.ethnicCategory != null) {
            patient.addExtension(UkCore.ETHNIC_CATEGORY, new CodeableConcept(
                    new Coding(UkCore.ETHNIC_CATEGORY_ENGLAND, details.ethnicCategory.name(), null)));
        }
        return patient;
    }

    /**
     * The UK Core ethnic category extension's code, or null when the Patient carries none.
     *
     * @throws ProblemException 422 naming the extension when it holds no ETHNIC CATEGORY (England) code
     */
    static EthnicCategory ethnicCategory(Patient patient) {
        Extension extension = patient.getExtensionByUrl(UkCore.ETHNIC_CATEGORY);
        if (extension == null) {
            return null;
        }
        if (extension.getValue() instanceof CodeableConcept concept) {
            for (Coding coding : concept.getCoding()) {
                for (EthnicCategory category : EthnicCategory.values()) {
                    if (UkCore.ETHNIC_CATEGORY_ENGLAND.equals(coding.getSystem()) && category.name().equals(coding.getCode())) {
                        return category;
                    }
                }
            }
        }
        throw ProblemException.unprocessable("Patient.extension:ethnicCategory",
                "must be a CodeableConcept with a code of " + UkCore.ETHNIC_CATEGORY_ENGLAND + " (A-S or Z)");
    }

    /** A reference to the referral's Patient that also names the patient by NHS number, as UK Core advises. */
    static Reference reference(Referral referral) {
        return new Reference("Patient/" + referral.id).setIdentifier(nhsNumber(referral));
    }

    /** Unknown when the referrer did not say: UK Core expects a gender on every Patient. */
    static AdministrativeGender gender(Gender gender) {
        return gender == null ? AdministrativeGender.UNKNOWN : AdministrativeGender.fromCode(gender.code());
    }

    /** @return null for no gender, or one that is not an AdministrativeGender the referral can hold */
    static Gender gender(AdministrativeGender gender) {
        if (gender == null || gender == AdministrativeGender.NULL) {
            return null;
        }
        return Gender.valueOf(gender.name());
    }

    private static Identifier nhsNumber(Referral referral) {
        return new Identifier().setSystem(UkCore.NHS_NUMBER).setValue(referral.patient.nhsNumber);
    }
}
