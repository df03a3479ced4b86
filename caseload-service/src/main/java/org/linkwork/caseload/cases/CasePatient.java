package org.linkwork.caseload.cases;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

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
        @Column(name = "accessibility_needs") String accessibilityNeeds) {
}
