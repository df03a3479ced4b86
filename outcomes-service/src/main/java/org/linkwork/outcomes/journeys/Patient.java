package org.linkwork.outcomes.journeys;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The patient as a referral names them, limited to what is reduced on arrival to pseudonym, age band, postcode
 * district, sex, ethnic group and deprivation decile; names and contact details are not read at all. Sex, ethnic
 * category and LSOA are optional (null when the referrer did not send them).
 */
public record Patient(@NotBlank String nhsNumber, @NotNull LocalDate dateOfBirth, String postcode, String sex,
        String ethnicCategory, String lsoaCode) {
}
