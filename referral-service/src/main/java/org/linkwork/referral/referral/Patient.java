package org.linkwork.referral.referral;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** The person referred, as the referrer recorded them. */
@Embeddable
public class Patient {

    @Column(name = "nhs_number", nullable = false, length = 10)
    public String nhsNumber;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(nullable = false, length = 8)
    public String postcode;

    public String phone;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(name = "preferred_contact", nullable = false)
    public PreferredContact preferredContact;

    @Column(name = "interpreter_language")
    public String interpreterLanguage;

    @Column(name = "accessibility_needs")
    public String accessibilityNeeds;

    /** Null when the referrer did not send it. */
    @Enumerated(EnumType.STRING)
    public Gender gender;

    /** The PRSB items below are optional: null when the referrer did not send them. */
    @Enumerated(EnumType.STRING)
    public Sex sex;

    @Enumerated(EnumType.STRING)
    @Column(name = "ethnic_category")
    public EthnicCategory ethnicCategory;

    @Enumerated(EnumType.STRING)
    @Column(name = "carer_status")
    public CarerStatus carerStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "living_situation")
    public LivingSituation livingSituation;

    /** The Lower Layer Super Output Area of the patient's home, when the referrer knows it. */
    @Column(name = "lsoa_code")
    public String lsoaCode;
}
