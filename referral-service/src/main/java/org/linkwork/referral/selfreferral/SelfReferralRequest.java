package org.linkwork.referral.selfreferral;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.referral.referral.PreferredContact;
import org.linkwork.referral.referral.Reason;
import org.linkwork.referral.referral.ReferralRequest;
import org.linkwork.referral.referral.ValidNhsNumber;

@Schema(name = "SelfReferralRequest", description = "A person asking to see a link worker, as a self-referral form sends it.")
public record SelfReferralRequest(
        @NotBlank @Size(max = 255) @Schema(example = "Margaret") String givenName,
        @NotBlank @Size(max = 255) @Schema(example = "Hughes") String familyName,
        @NotNull @PastOrPresent @Schema(example = "1948-03-14") LocalDate dateOfBirth,
        @NotBlank @Pattern(regexp = ReferralRequest.UK_POSTCODE, message = "is not a UK postcode") @Schema(example = "LS6 2AB") String postcode,
        @Pattern(regexp = "^\\+?[0-9 ]{10,16}$", message = "is not a phone number") @Schema(example = "0113 496 0000") String phone,
        @Email @Size(max = 255) String email,
        @NotNull @Schema(description = "How the link worker should first get in touch") PreferredContact preferredContact,
        @ValidNhsNumber @Schema(description = "Optional: a coordinator traces it when it is not known", example = "9434765919") String nhsNumber,
        @NotBlank @Pattern(regexp = "^[A-Z0-9]{3,6}$", message = "is not an ODS code (3 to 6 capital letters or digits)")
        @Schema(description = "ODS code of the GP practice the person is registered with", example = "B86043") String practiceOdsCode,
        @NotEmpty @Schema(description = "What the person would like help with; at least one") List<@NotNull Reason> reasons,
        @Size(max = 2000) @Schema(description = "In the person's own words, what matters to them", example = "I have not been out much since my husband died.") String about,
        @NotNull @Valid Consent consent) {

    @Schema(name = "SelfReferralConsent", description = """
            The person's agreement to the statement the form showed them: that the social prescribing service may \
            hold what they sent, contact them, and tell their GP practice. Required; the time is recorded on receipt.""")
    public record Consent(
            @NotNull @Schema(description = "Must be true", example = "true") Boolean agreed,
            @NotBlank @Size(max = 64) @Schema(description = "Which version of the consent statement the form showed", example = "self-referral-consent-2026-12") String statement) {
    }
}
