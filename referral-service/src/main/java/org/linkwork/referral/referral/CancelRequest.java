package org.linkwork.referral.referral;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "CancelRequest")
public record CancelRequest(@NotNull CancellationReason reason,
        @Size(max = 2000) @Schema(example = "Moved to Sheffield before the first appointment") String note) {
}
