package org.linkwork.caseload.cases;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The patient as the accepted referral described them: what the link worker needs to make contact. */
@Embeddable
public record CasePatient(
        @Column(name = "nhs_number", nullable = false) String nhsNumber,
        @Column(name = "given_name", nullable = false) String givenName,
        @Column(name = "family_name", nullable = false) String familyName,
        @Column(name = "date_of_birth", nullable = false) LocalDate dateOfBirth,
        @Column(nullable = false) String postcode,
        String phone,
        String email,
        @Column(name = "preferred_contact", nullable = false) String preferredContact,
        @Column(name = "interpreter_language") String interpreterLanguage,
        @Column(name = "accessibility_needs") String accessibilityNeeds,
        @Schema(description = "PRSB carer status as the referrer coded it (CARER, CARED_FOR, BOTH, NEITHER); null when not sent")
        @Column(name = "carer_status") String carerStatus,
        @Schema(description = "Who the patient lives with as the referrer coded it (LIVES_ALONE, LIVES_WITH_OTHERS, CARE_HOME, NO_FIXED_ABODE); null when not sent")
        @Column(name = "living_situation") String livingSituation) {
}
