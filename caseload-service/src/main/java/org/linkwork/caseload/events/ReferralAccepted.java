package org.linkwork.caseload.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.CasePatient;
import org.linkwork.caseload.cases.Urgency;

/**
 * What caseload reads of referral-service's {@code referral.accepted} event: the patient and why they were
 * referred. Reason codes stay strings, so a reason this version does not know is kept on the case.
 */
public record ReferralAccepted(@NotNull UUID referralId, @NotBlank String odsCode, Set<String> reasons,
        @NotNull Urgency urgency, @NotNull OffsetDateTime receivedAt, @NotNull @Valid Patient patient, String notes) {

    static final String TYPE = "org.linkwork.referral.accepted.v1";

    public record Patient(@NotBlank String nhsNumber, @NotBlank String givenName, @NotBlank String familyName,
            @NotNull LocalDate dateOfBirth, @NotBlank String postcode, String phone, String email,
            @NotBlank String preferredContact, String interpreterLanguage, String accessibilityNeeds) {
    }

    Case toCase() {
        CasePatient p = new CasePatient();
        p.nhsNumber = patient.nhsNumber();
        p.givenName = patient.givenName();
        p.familyName = patient.familyName();
        p.dateOfBirth = patient.dateOfBirth();
        p.postcode = patient.postcode();
        p.phone = patient.phone();
        p.email = patient.email();
        p.preferredContact = patient.preferredContact();
        p.interpreterLanguage = patient.interpreterLanguage();
        p.accessibilityNeeds = patient.accessibilityNeeds();
        return Case.open(referralId, p, odsCode, reasons == null ? Set.of() : reasons, urgency, receivedAt, notes);
    }
}
