package org.linkwork.referral.events;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

/** What this service reads of caseload-service's {@code org.linkwork.case.contact-recorded.v1}. */
public record CaseContactRecorded(@NotNull UUID caseId, @NotNull UUID referralId, boolean attended) {

    static final String TYPE = "org.linkwork.case.contact-recorded.v1";
}
