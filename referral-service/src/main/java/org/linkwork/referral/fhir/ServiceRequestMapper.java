package org.linkwork.referral.fhir;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.referral.referral.PreferredContact;
import org.linkwork.referral.referral.Reason;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralRequest;
import org.linkwork.referral.referral.ReferrerType;
import org.linkwork.referral.referral.Urgency;

/**
 * Maps a UK-Core-style ServiceRequest for social prescribing to the JSON referral request and back.
 *
 * <p>Accepted shape: {@code code} carries SNOMED CT 871731000000106; {@code subject} references a
 * Patient with an NHS number identifier, name, birth date and postcode; {@code requester}
 * references an Organization or Practitioner(Role) or carries the ODS identifier itself;
 * {@code reasonCode} uses the Linkwork reason CodeSystem; consent is a Consent referenced from
 * {@code supportingInfo}. The referenced resources are contained in a ServiceRequest sent on its own,
 * and contained or entries of the Bundle in a referral message.
 */
final class ServiceRequestMapper {

    static final String SNOMED = "http://snomed.info/sct";
    static final String SOCIAL_PRESCRIBING_REFERRAL = "871731000000106";
    static final String NHS_NUMBER = UkCore.NHS_NUMBER;
    static final String ODS = UkCore.ODS;
    static final String REASON_SYSTEM = "https://fhir.linkwork.nhs.uk/CodeSystem/social-prescribing-reason";
    static final String LINKWORK_ID = "https://fhir.linkwork.nhs.uk/Id/referral";

    private ServiceRequestMapper() {
    }

    /** A ServiceRequest sent on its own: what it references is contained in it. */
    static ReferralRequest toReferralRequest(ServiceRequest request) {
        return toReferralRequest(request, reference -> contained(request, reference));
    }

    /** @param resolve the resource a reference of the request points to, if there is one */
    static ReferralRequest toReferralRequest(ServiceRequest request, Function<Reference, Optional<Resource>> resolve) {
        if (!hasCode(request.getCode(), SNOMED, SOCIAL_PRESCRIBING_REFERRAL)) {
            throw ProblemException.unprocessable("ServiceRequest.code",
                    "must be SNOMED CT " + SOCIAL_PRESCRIBING_REFERRAL + " |Referral to social prescribing service|");
        }
        Patient patient = resolve(resolve, request.getSubject(), Patient.class)
                .orElseThrow(() -> ProblemException.unprocessable("ServiceRequest.subject",
                        "must reference a contained Patient (e.g. \"#patient\") with the patient's details"));
        HumanName name = patient.getNameFirstRep();
        String phone = telecom(patient, ContactPoint.ContactPointSystem.PHONE);
        String email = telecom(patient, ContactPoint.ContactPointSystem.EMAIL);
        String language = patient.getCommunication().stream().filter(c -> c.getPreferred())
                .map(c -> c.getLanguage().hasText() ? c.getLanguage().getText() : c.getLanguage().getCodingFirstRep().getDisplay())
                .findFirst().orElse(null);
        var patientDetails = new ReferralRequest.PatientDetails(
                identifier(patient.getIdentifier(), NHS_NUMBER),
                name.hasGiven() ? name.getGiven().get(0).getValue() : null,
                name.getFamily(),
                patient.hasBirthDate() ? LocalDate.parse(patient.getBirthDateElement().getValueAsString()) : null,
                patient.getAddress().stream().map(Address::getPostalCode).filter(p -> p != null).findFirst().orElse(null),
                phone, email,
                phone != null ? PreferredContact.PHONE : email != null ? PreferredContact.EMAIL : PreferredContact.LETTER,
                language, null, PatientMapper.gender(patient.getGender()), null,
                PatientMapper.ethnicCategory(patient), null, null, null);

        var referrer = new ReferralRequest.ReferrerDetails(odsCode(request, resolve), practitionerName(request, resolve), "GP");
        Consent consent = request.getSupportingInfo().stream()
                .map(ref -> resolve(resolve, ref, Consent.class)).flatMap(Optional::stream).findFirst()
                .orElse(null);
        var consentDetails = new ReferralRequest.Consent(
                consent != null && consent.getStatus() == Consent.ConsentState.ACTIVE,
                consent != null && consent.hasDateTime() ? toOffset(consent.getDateTime()) : null);
        String notes = request.getNote().isEmpty() ? null : request.getNoteFirstRep().getText();
        return new ReferralRequest(patientDetails, referrer, reasons(request), urgency(request), consentDetails, notes);
    }

    static ServiceRequest toServiceRequest(Referral referral) {
        ServiceRequest request = new ServiceRequest();
        request.setId(referral.id.toString());
        request.getMeta().addProfile(UkCore.SERVICE_REQUEST).setLastUpdated(Date.from(referral.updatedAt.toInstant()));
        request.addIdentifier().setSystem(LINKWORK_ID).setValue(referral.id.toString());
        request.setStatus(ReferralProgress.serviceRequestStatus(referral.status));
        request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
        request.setPriority(referral.urgency == Urgency.PRIORITY ? ServiceRequest.ServiceRequestPriority.URGENT
                : ServiceRequest.ServiceRequestPriority.ROUTINE);
        request.getCode().addCoding(new Coding(SNOMED, SOCIAL_PRESCRIBING_REFERRAL, "Referral to social prescribing service"));
        referral.sortedReasons().forEach(r -> request.addReasonCode().addCoding(new Coding(REASON_SYSTEM, r.name(), null)));
        request.setAuthoredOn(Date.from(referral.receivedAt.toInstant()));
        request.setSubject(PatientMapper.reference(referral));
        request.addCategory().addCoding(new Coding(ReferrerType.SYSTEM, referral.referrer.type.name(), null));
        request.setRequester(requester(referral));
        if (referral.notes != null) {
            request.addNote().setText(referral.notes);
        }
        // ServiceRequest.status has no place for the finer Linkwork status; keep it readable for GP systems (the
        // Task of the same id carries it coded).
        request.addNote().setText("Linkwork status: " + referral.status);
        return request;
    }

    /** The practice or organisation; for a self-referral the person themselves (R4 allows a Patient requester). */
    static Reference requester(Referral referral) {
        if (referral.referrer.type == ReferrerType.SELF) {
            return PatientMapper.reference(referral).setDisplay("Self-referral");
        }
        return new Reference().setIdentifier(new Identifier().setSystem(ODS).setValue(referral.referrer.odsCode))
                .setDisplay(referral.referrer.practitionerName);
    }

    private static List<Reason> reasons(ServiceRequest request) {
        Set<Reason> reasons = new LinkedHashSet<>();
        List<String> unknown = new ArrayList<>();
        for (CodeableConcept concept : request.getReasonCode()) {
            for (Coding coding : concept.getCoding()) {
                if (REASON_SYSTEM.equals(coding.getSystem())) {
                    // A coding without a code (an empty string parses as none) is as unknown as a wrong one.
                    Arrays.stream(Reason.values()).filter(r -> r.name().equals(coding.getCode())).findFirst()
                            .ifPresentOrElse(reasons::add, () -> unknown.add(coding.getCode()));
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.badRequest("ServiceRequest.reasonCode",
                    "unknown codes " + unknown + " in " + REASON_SYSTEM);
        }
        return List.copyOf(reasons);
    }

    private static Urgency urgency(ServiceRequest request) {
        return request.hasPriority() && request.getPriority() != ServiceRequest.ServiceRequestPriority.ROUTINE
                ? Urgency.PRIORITY : Urgency.ROUTINE;
    }

    private static String odsCode(ServiceRequest request, Function<Reference, Optional<Resource>> resolve) {
        Reference requester = request.getRequester();
        if (requester.hasIdentifier() && ODS.equals(requester.getIdentifier().getSystem())) {
            return requester.getIdentifier().getValue();
        }
        return resolve(resolve, requester, Organization.class).map(o -> identifier(o.getIdentifier(), ODS))
                .orElse(null);
    }

    private static String practitionerName(ServiceRequest request, Function<Reference, Optional<Resource>> resolve) {
        Reference requester = request.getRequester();
        return resolve(resolve, requester, Practitioner.class)
                .map(p -> p.getNameFirstRep().getNameAsSingleString())
                .orElse(requester.hasDisplay() ? requester.getDisplay() : null);
    }

    private static <T extends Resource> Optional<T> resolve(Function<Reference, Optional<Resource>> resolve,
            Reference reference, Class<T> type) {
        return resolve.apply(reference).filter(type::isInstance).map(type::cast);
    }

    /** The resource of the request's {@code contained} that a local reference ({@code #id}) points to. */
    static Optional<Resource> contained(ServiceRequest request, Reference reference) {
        if (reference == null || !reference.hasReference() || !reference.getReference().startsWith("#")) {
            return Optional.empty();
        }
        String id = reference.getReference().substring(1);
        return request.getContained().stream()
                .filter(r -> id.equals(r.getIdElement().getIdPart()) || ("#" + id).equals(r.getId()))
                .findFirst();
    }

    private static boolean hasCode(CodeableConcept concept, String system, String code) {
        return concept.getCoding().stream().anyMatch(c -> system.equals(c.getSystem()) && code.equals(c.getCode()));
    }

    private static String identifier(List<Identifier> identifiers, String system) {
        return identifiers.stream().filter(i -> system.equals(i.getSystem())).map(Identifier::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static String telecom(Patient patient, ContactPoint.ContactPointSystem system) {
        return patient.getTelecom().stream().filter(t -> t.getSystem() == system).map(ContactPoint::getValue)
                .filter(Objects::nonNull).findFirst().orElse(null);
    }

    private static OffsetDateTime toOffset(Date date) {
        return date.toInstant().atOffset(ZoneOffset.UTC);
    }
}
