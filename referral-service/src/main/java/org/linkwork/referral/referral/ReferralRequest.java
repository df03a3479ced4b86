package org.linkwork.referral.referral;

import java.time.LocalDate;
import java.time.OffsetDateTime;
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

import com.fasterxml.jackson.annotation.JsonInclude;

@Schema(name = "ReferralRequest", description = "A referral to social prescribing, as a GP system or NHS service sends it.")
public record ReferralRequest(
        @NotNull @Valid PatientDetails patient,
        @NotNull @Valid ReferrerDetails referrer,
        @NotEmpty @Schema(description = "At least one reason for referral") List<@NotNull Reason> reasons,
        @NotNull Urgency urgency,
        @NotNull @Valid Consent consent,
        @Size(max = 4000) @Schema(description = "Free text for the link worker", example = "Widowed last year, rarely leaves the house.") String notes,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) @Size(max = 10) @Schema(description = "Shown to the link worker before a home visit; optional")
        List<@NotNull @Valid SafetyAlertDetails> safetyAlerts) {

    public ReferralRequest(PatientDetails patient, ReferrerDetails referrer, List<Reason> reasons, Urgency urgency,
            Consent consent, String notes) {
        this(patient, referrer, reasons, urgency, consent, notes, null);
    }

    /**
     * Letters and digits as the Royal Mail formats them, with or without the space, in either case. Each letter class
     * spells both cases rather than using (?i): the pattern is published in the OpenAPI schema, and JSON Schema
     * patterns (ECMA-262) have no inline flags.
     */
    public static final String UK_POSTCODE = "^([Gg][Ii][Rr] ?0[Aa]{2}|[A-PR-UWYZa-pr-uwyz]([0-9]{1,2}|[A-HK-Ya-hk-y][0-9]([0-9ABEHMNPRV-Yabehmnprv-y])?"
            + "|[0-9][A-HJKPS-UWa-hjkps-uw]) ?[0-9][ABD-HJLNP-UW-Zabd-hjlnp-uw-z]{2})$";

    @Schema(name = "PatientDetails")
    public record PatientDetails(
            @NotBlank @ValidNhsNumber @Schema(example = "9434765919") String nhsNumber,
            @NotBlank @Size(max = 255) @Schema(example = "Margaret") String givenName,
            @NotBlank @Size(max = 255) @Schema(example = "Hughes") String familyName,
            @NotNull @PastOrPresent @Schema(example = "1948-03-14") LocalDate dateOfBirth,
            @NotBlank @Pattern(regexp = UK_POSTCODE, message = "is not a UK postcode") @Schema(example = "LS6 2AB") String postcode,
            @Pattern(regexp = "^\\+?[0-9 ]{10,16}$", message = "is not a phone number") @Schema(example = "0113 496 0000") String phone,
            @Email @Size(max = 255) String email,
            @NotNull PreferredContact preferredContact,
            @Size(max = 255) @Schema(example = "Polish") String interpreterLanguage,
            @Size(max = 2000) @Schema(example = "Uses a wheelchair") String accessibilityNeeds,
            // Left out of the request's fingerprint when absent, so a retry of a request made before it existed
            // still matches its Idempotency-Key.
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Administrative gender as FHIR codes it; optional",
                    enumeration = { "male", "female", "other", "unknown" }, example = "female") Gender gender,
            // The PRSB items, optional and left out of the fingerprint when absent, as gender above.
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Phenotypic sex (NHS Data Dictionary PERSON PHENOTYPIC SEX); optional", example = "FEMALE") Sex sex,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = """
                    NHS Data Dictionary ETHNIC CATEGORY, one letter: A-C White, D-G Mixed, H-L Asian or Asian British, \
                    M-P Black or Black British, R Chinese, S any other, Z not stated; optional""", example = "A") EthnicCategory ethnicCategory,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Whether the patient is a carer, is cared for, both or neither; optional") CarerStatus carerStatus,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Who the patient lives with; optional", example = "LIVES_ALONE") LivingSituation livingSituation,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Pattern(regexp = "^E01[0-9]{6}$", message = "is not an English LSOA code (E01 and six digits)")
            @Schema(description = "Lower Layer Super Output Area (2011) of the patient's home, when known; optional", example = "E01011268") String lsoaCode) {

        public PatientDetails(String nhsNumber, String givenName, String familyName, LocalDate dateOfBirth, String postcode,
                String phone, String email, PreferredContact preferredContact, String interpreterLanguage,
                String accessibilityNeeds, Gender gender) {
            this(nhsNumber, givenName, familyName, dateOfBirth, postcode, phone, email, preferredContact, interpreterLanguage,
                    accessibilityNeeds, gender, null, null, null, null, null);
        }
    }

    @Schema(name = "SafetyAlertDetails", description = "Something a link worker must know before visiting the patient alone")
    public record SafetyAlertDetails(@NotNull SafetyAlert.Category category,
            @Size(max = 500) @Schema(example = "Large dog; ask for it to be shut away before entering") String note) {
    }

    @Schema(name = "ReferrerDetails")
    public record ReferrerDetails(
            @NotBlank @Pattern(regexp = "^[A-Z0-9]{3,6}$", message = "is not an ODS code (3 to 6 capital letters or digits)") @Schema(description = "ODS code of the referring practice or organisation", example = "B86043") String odsCode,
            @NotBlank @Size(max = 255) @Schema(example = "Dr Asha Patel") String practitionerName,
            @NotBlank @Size(max = 255) @Schema(example = "GP") String practitionerRole,
            // Absent from the fingerprint when not sent, as gender above.
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = """
                    The kind of referrer; optional. A GP system's referrals are GP_PRACTICE. An NHS service's are \
                    OTHER_NHS_SERVICE unless it refers for a LOCAL_AUTHORITY or VCSE organisation (a partner agency \
                    referring through it). SELF is for POST /self-referrals only.""", example = "GP_PRACTICE") ReferrerType type) {

        public ReferrerDetails(String odsCode, String practitionerName, String practitionerRole) {
            this(odsCode, practitionerName, practitionerRole, null);
        }
    }

    @Schema(name = "Consent", description = "The patient's consent to be referred; required.")
    public record Consent(@NotNull Boolean given, @NotNull @PastOrPresent OffsetDateTime recordedAt) {
    }
}
