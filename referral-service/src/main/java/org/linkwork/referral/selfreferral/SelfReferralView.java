package org.linkwork.referral.selfreferral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.referral.referral.PreferredContact;
import org.linkwork.referral.referral.Reason;

@Schema(name = "SelfReferral", description = "A self-referral as received, for the coordinator who traces it.")
public record SelfReferralView(
        @Schema(example = "5d2c1f0e-8a4b-4c3d-9e2f-1a0b9c8d7e6f") UUID id,
        @Schema(example = "AWAITING_TRACE") SelfReferral.Status status,
        String givenName, String familyName, LocalDate dateOfBirth, String postcode, String phone, String email,
        PreferredContact preferredContact,
        @Schema(description = "As the person gave it, unconfirmed; null when they did not") String nhsNumber,
        String practiceOdsCode, List<Reason> reasons, String about, String consentStatement,
        OffsetDateTime consentGivenAt, OffsetDateTime receivedAt,
        @Schema(description = "The referral made from it once traced") UUID referralId,
        String tracedBy, OffsetDateTime tracedAt) {

    static SelfReferralView of(SelfReferral s) {
        return new SelfReferralView(s.id, s.status, s.givenName, s.familyName, s.dateOfBirth, s.postcode, s.phone,
                s.email, s.preferredContact, s.nhsNumber, s.practiceOdsCode, s.reasons.stream().sorted().toList(),
                s.about, s.consentStatement, s.consentGivenAt, s.receivedAt, s.referralId, s.tracedBy, s.tracedAt);
    }

    @Schema(name = "SelfReferralReceipt", description = "What the person is told: no personal data is echoed back.")
    public record Receipt(@Schema(description = "Their reference, to quote when they get in touch") UUID id,
            SelfReferral.Status status, OffsetDateTime receivedAt) {
        static Receipt of(SelfReferral s) {
            return new Receipt(s.id, s.status, s.receivedAt);
        }
    }

    @Schema(name = "SelfReferralPage")
    public record Page(List<SelfReferralView> items, int page, int size, long total) {
    }
}
