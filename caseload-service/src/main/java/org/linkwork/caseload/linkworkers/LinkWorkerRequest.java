package org.linkwork.caseload.linkworkers;

import java.math.BigDecimal;
import java.util.List;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "LinkWorkerRequest")
public record LinkWorkerRequest(
        @NotBlank @Size(max = 255) @Schema(example = "lw-pat") String username,
        @NotBlank @Size(max = 255) @Schema(example = "Pat Nolan") String name,
        @NotBlank @Pattern(regexp = "^U[0-9]{5}$", message = "is not a PCN code") @Schema(example = "U16878") String pcnCode,
        @NotNull @DecimalMin(value = "0.1") @DecimalMax("1.0") @Schema(example = "0.8") BigDecimal fte,
        @Min(0) @Schema(description = "Cap on open cases; omit for the configured cap per FTE times fte") Integer caseloadCap,
        @NotNull @Size(max = 20) List<@NotBlank String> languages,
        @NotNull Boolean active) {

    void applyTo(LinkWorker worker) {
        worker.name = name;
        worker.pcnCode = pcnCode;
        worker.fte = fte;
        worker.caseloadCap = caseloadCap;
        worker.languages = String.join(",", languages);
        worker.active = active;
    }
}
