package org.linkwork.referral.selfreferral;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.referral.referral.ValidNhsNumber;

@Schema(name = "SelfReferralTrace", description = "The NHS number a coordinator traced (or confirmed) for the person.")
public record TraceRequest(@NotBlank @ValidNhsNumber @Schema(example = "9434765919") String nhsNumber) {
}
