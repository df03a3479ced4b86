package org.linkwork.referral.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RejectRequest")
public record RejectRequest(@NotNull RejectionReason reason,
        @Size(max = 2000) @Schema(example = "Patient lives outside the network's area") String note) {
}
