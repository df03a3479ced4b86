package org.linkwork.referral.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Referral", description = "A referral as stored, with its current status.")
public record ReferralView(
        @Schema(example = "7b0e3f5e-3f55-4a59-9b1e-2f0d0f6c9a10") UUID id,
        @Schema(example = "ACCEPTED") ReferralStatus status,
        Patient patient,
        Referrer referrer,
        List<Reason> reasons,
        Urgency urgency,
        OffsetDateTime consentRecordedAt,
        String notes,
        ReferralSource source,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,
        @Schema(description = "The case in caseload-service, once assigned") String caseId) {

    @Schema(name = "ReferredPatient")
    public record Patient(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth,
            String postcode, String phone, String email, PreferredContact preferredContact,
            String interpreterLanguage, String accessibilityNeeds,
            @Schema(description = "FHIR AdministrativeGender code; null when the referrer did not send it",
                    enumeration = { "male", "female", "other", "unknown" }) Gender gender,
            Sex sex, EthnicCategory ethnicCategory, CarerStatus carerStatus, LivingSituation livingSituation,
            String lsoaCode, List<SafetyAlertView> safetyAlerts) {
        static Patient of(Referral r) {
            org.linkwork.referral.referral.Patient p = r.patient;
            return new Patient(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                    p.preferredContact, p.interpreterLanguage, p.accessibilityNeeds, p.gender, p.sex, p.ethnicCategory,
                    p.carerStatus, p.livingSituation, p.lsoaCode,
                    r.safetyAlerts.stream().map(a -> new SafetyAlertView(a.category, a.note)).toList());
        }
    }

    @Schema(name = "SafetyAlertView", description = "Something a link worker must know before visiting the patient alone")
    public record SafetyAlertView(SafetyAlert.Category category, String note) {
    }

    @Schema(name = "Referrer")
    public record Referrer(
            @Schema(description = "The referring practice or organisation; for a self-referral the practice the person is registered with") String odsCode,
            @Schema(description = "Null for a self-referral") String practitionerName,
            @Schema(description = "Null for a self-referral") String practitionerRole,
            ReferrerType type) {
    }

    @Schema(name = "ReferralPage")
    public record Page(List<ReferralView> items, int page, int size, long total) {
    }

    public static ReferralView of(Referral r) {
        return new ReferralView(r.id, r.status, Patient.of(r),
                new Referrer(r.referrer.odsCode, r.referrer.practitionerName, r.referrer.practitionerRole, r.referrer.type),
                r.sortedReasons(), r.urgency, r.consentRecordedAt, r.notes, r.source, r.receivedAt,
                r.updatedAt, r.caseId);
    }
}
