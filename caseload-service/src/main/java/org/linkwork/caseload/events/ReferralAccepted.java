package org.linkwork.caseload.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.cases.CasePatient;
import org.linkwork.caseload.cases.SafetyAlert;
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
            @NotBlank String preferredContact, String interpreterLanguage, String accessibilityNeeds,
            String carerStatus, String livingSituation, List<@NotNull @Valid Alert> safetyAlerts) {
    }

    /** A safety alert as referral-service publishes it; the category stays a string, like the reasons. */
    public record Alert(@NotBlank String category, String note) {
    }

    Case toCase() {
        Patient p = patient;
        return Case.open(referralId, new CasePatient(p.nhsNumber(), p.givenName(), p.familyName(), p.dateOfBirth(),
                p.postcode(), p.phone(), p.email(), p.preferredContact(), p.interpreterLanguage(),
                p.accessibilityNeeds(), p.carerStatus(), p.livingSituation()), odsCode,
                reasons == null ? Set.of() : reasons, urgency, receivedAt, notes, p.safetyAlerts() == null ? List.of()
                        : p.safetyAlerts().stream().map(a -> new SafetyAlert(a.category(), a.note())).toList());
    }
}
