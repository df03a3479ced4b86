package org.linkwork.referral.events;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

/**
 * What this service reads of caseload-service's {@code org.linkwork.case.closed.v1}. The reason
 * stays a string: the schema asks consumers to treat a code they do not know as a closure for
 * another reason, which an enum would dead-letter.
 */
public record CaseClosed(@NotNull UUID caseId, @NotNull UUID referralId, @NotBlank String reason) {

    static final String TYPE = "org.linkwork.case.closed.v1";
}
