package org.linkwork.referral.api;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.referral.domain.PreferredContact;
import org.linkwork.referral.domain.Reason;
import org.linkwork.referral.domain.Referral;
import org.linkwork.referral.domain.ReferralSource;
import org.linkwork.referral.domain.ReferralStatus;
import org.linkwork.referral.domain.StatusChange;
import org.linkwork.referral.domain.Urgency;

@Schema(name = "Referral", description = "A referral as stored, with its current status.")
public record ReferralResponse(
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
            String interpreterLanguage, String accessibilityNeeds) {
    }

    @Schema(name = "Referrer")
    public record Referrer(String odsCode, String practitionerName, String practitionerRole) {
    }

    @Schema(name = "StatusChange", description = "One change of status: when, by whom, why.")
    public record Change(ReferralStatus from, ReferralStatus to, OffsetDateTime at, String actor, String reason) {

        static Change of(StatusChange change) {
            return new Change(change.from, change.to, change.at, change.actor, change.reason);
        }
    }

    @Schema(name = "ReferralPage")
    public record Page(List<ReferralResponse> items, int page, int size, long total) {
    }

    static ReferralResponse of(Referral r) {
        var p = r.patient;
        return new ReferralResponse(r.id, r.status,
                new Patient(p.nhsNumber, p.givenName, p.familyName, p.dateOfBirth, p.postcode, p.phone, p.email,
                        p.preferredContact, p.interpreterLanguage, p.accessibilityNeeds),
                new Referrer(r.referrer.odsCode, r.referrer.practitionerName, r.referrer.practitionerRole),
                r.reasons.stream().sorted().toList(), r.urgency, r.consentRecordedAt, r.notes, r.source, r.receivedAt,
                r.updatedAt, r.caseId);
    }
}
