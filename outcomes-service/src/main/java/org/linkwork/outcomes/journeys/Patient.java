package org.linkwork.outcomes.journeys;

import java.time.LocalDate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * The patient as a referral names them, limited to what is reduced to pseudonym, age band and postcode district on
 * arrival; names and contact details are not read at all.
 */
public record Patient(@NotBlank String nhsNumber, @NotNull LocalDate dateOfBirth, String postcode) {
}
