package org.linkwork.referral.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.referral.domain.CancellationReason;
import org.linkwork.referral.domain.RejectionReason;

/** Bodies of the triage and cancellation commands. */
public final class TriageRequests {

    private TriageRequests() {
    }

    @Schema(name = "RejectRequest")
    public record Reject(@NotNull RejectionReason reason,
            @Size(max = 2000) @Schema(example = "Patient lives outside the network's area") String note) {
    }

    @Schema(name = "CancelRequest")
    public record Cancel(@NotNull CancellationReason reason,
            @Size(max = 2000) @Schema(example = "Moved to Sheffield before the first appointment") String note) {
    }
}
