package org.linkwork.referral.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;
import org.linkwork.referral.referral.NhsNumber;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;

/**
 * HAPI FHIR's instance validator with the R4 core definitions (hapi-fhir-validation-resources-r4), plus the UK Core
 * constraints the facade implements. The UK Core packages themselves cannot be obtained here (no FHIR package
 * registry is reachable), so the profiles named in {@code meta.profile} are not resolved: the validator's notice
 * that it could not check them is expected, and {@link #assertValid} checks their central rules itself: the
 * profile is declared, and every patient is identified by a valid NHS number in its NHS number system.
 */
final class FhirValidation {

    static final FhirContext FHIR = FhirContext.forR4Cached();
    private static final FhirValidator VALIDATOR;

    /** UK Core profile of each resource type the facade emits. */
    private static final Map<String, String> PROFILES = Map.of("ServiceRequest", UkCore.SERVICE_REQUEST,
            "Patient", UkCore.PATIENT, "Task", UkCore.TASK, "Observation", UkCore.OBSERVATION);

    static {
        ValidationSupportChain support = new ValidationSupportChain(new DefaultProfileValidationSupport(FHIR),
                new CommonCodeSystemsTerminologyService(FHIR), new InMemoryTerminologyServerValidationSupport(FHIR),
                new SnapshotGeneratingValidationSupport(FHIR));
        VALIDATOR = FHIR.newValidator().registerValidatorModule(new FhirInstanceValidator(support));
    }

    private FhirValidation() {
    }

    /**
     * The messages of severity error or fatal against R4 core, but for the validator's report that it could not
     * fetch the UK Core profiles (the only ones it is not given), whose rules {@link #assertValid} checks instead.
     */
    static List<SingleValidationMessage> errors(String json) {
        return VALIDATOR.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .filter(m -> !isUnresolvedUkCoreProfile(m.getMessage()))
                .toList();
    }

    private static boolean isUnresolvedUkCoreProfile(String message) {
        return PROFILES.values().stream().anyMatch(profile -> message.equals("Profile reference '" + profile
                + "' has not been checked because it could not be found")
                || message.equals("Invalid profile. Failed to retrieve profile with url=" + profile));
    }

    /**
     * Valid against R4 core (no error), and every ServiceRequest, Patient, Task and Observation in it (a Bundle's entries
     * included) declares its UK Core profile and names its patient by a valid NHS number.
     *
     * @return the parsed resource
     */
    static Resource assertValid(String json) {
        Resource resource = assertValidR4(json);
        if (resource instanceof Bundle bundle) {
            bundle.getEntry().forEach(e -> assertUkCore(e.getResource()));
        } else {
            assertUkCore(resource);
        }
        return resource;
    }

    /** Valid against R4 core: what the facade accepts from GP systems, which need not claim UK Core. */
    static Resource assertValidR4(String json) {
        List<SingleValidationMessage> errors = errors(json);
        assertTrue(errors.isEmpty(), () -> "R4 validation errors: " + errors.stream()
                .map(m -> m.getLocationString() + ": " + m.getMessage()).toList() + "\nin " + json);
        return (Resource) FHIR.newJsonParser().parseResource(json);
    }

    private static void assertUkCore(Resource resource) {
        String profile = PROFILES.get(resource.fhirType());
        if (profile == null) {
            return;
        }
        assertTrue(resource.getMeta().hasProfile(profile), () -> resource.fhirType() + " does not declare " + profile);
        if (resource instanceof Patient patient) {
            assertNhsNumber(patient.getIdentifierFirstRep());
        } else if (resource instanceof ServiceRequest request) {
            assertPatientReference(request.getSubject());
        } else if (resource instanceof Observation observation) {
            assertPatientReference(observation.getSubject());
        } else {
            assertPatientReference(((Task) resource).getFor());
        }
    }

    private static void assertPatientReference(Reference patient) {
        assertTrue(patient.getReference().startsWith("Patient/"), patient.getReference());
        assertNhsNumber(patient.getIdentifier());
    }

    private static void assertNhsNumber(Identifier identifier) {
        assertEquals(UkCore.NHS_NUMBER, identifier.getSystem());
        assertTrue(NhsNumber.isValid(identifier.getValue()), identifier.getValue() + " is not a valid NHS number");
    }
}
