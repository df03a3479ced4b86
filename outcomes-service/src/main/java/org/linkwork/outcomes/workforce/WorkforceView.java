package org.linkwork.outcomes.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.platform.disclosure.AgainstGuidance;
import org.linkwork.platform.disclosure.Figure;

@Schema(name = "WorkforceReport", description = """
        Link-worker capacity against demand per PCN, beside NHS England's guidance of 200-250 people per link-worker \
        FTE a year. Patient counts follow the report's small-number suppression; staff numbers are shown.""")
public record WorkforceView(
        OffsetDateTime generatedAt,
        @Schema(description = "The 12 months the people per FTE are counted over start here and end at generatedAt")
        OffsetDateTime yearFrom,
        @Schema(example = "200") int guidanceLow,
        @Schema(example = "250") int guidanceHigh,
        List<Pcn> pcns) {

    @Schema(name = "WorkforcePcn")
    public record Pcn(
            @Schema(example = "U84543") String pcnCode,
            @Schema(description = "Active link workers (taking cases)", example = "3") int linkWorkers,
            @Schema(description = "Their whole-time equivalents, summed", example = "2.60") BigDecimal fte,
            @Schema(description = "Cases assigned and not closed") Figure openCases,
            @Schema(description = "People whose case began (first assigned) in the 12 months to yearTo") Figure peopleInYear,
            @Schema(description = "peopleInYear per FTE, 1 decimal; null without FTE") Figure peoplePerFte,
            @Schema(description = "peoplePerFte against 200-250; null when withheld or without FTE", nullable = true)
            AgainstGuidance againstGuidance) {
    }
}
