package org.linkwork.caseload.cases;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The patient as the accepted referral described them: what the link worker needs to make contact. */
@Embeddable
public class CasePatient {

    @Column(name = "nhs_number", nullable = false)
    public String nhsNumber;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false)
    public String postcode;

    public String phone;

    public String email;

    @Column(name = "preferred_contact", nullable = false)
    public String preferredContact;

    @Column(name = "interpreter_language")
    public String interpreterLanguage;

    @Column(name = "accessibility_needs")
    public String accessibilityNeeds;
}
