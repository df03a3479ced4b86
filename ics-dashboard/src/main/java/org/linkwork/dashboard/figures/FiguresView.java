package org.linkwork.dashboard.figures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.platform.disclosure.AgainstGuidance;
import org.linkwork.platform.disclosure.Figure;

@Schema(name = "DashboardFigures", description = """
        What the dashboard's charts show, worked out from ics-events alone and suppressed as the report API \
        suppresses (GET /reports/monthly, /reports/reach and /reports/workforce give the same figures for the same \
        data).""")
public record FiguresView(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,
        OffsetDateTime generatedAt,
        @Schema(example = SUPPRESSION_RULE) String suppression,
        @Schema(description = "Per calendar month (Europe/London) and PCN with referrals received, first contacts or wellbeing changes, oldest first")
        List<Month> months,
        @Schema(description = "Referrals received in the period per IMD 2019 decile of the home (1 most deprived)")
        Reach reachByImdDecile,
        @Schema(description = "Referrals received in the period per ethnic group")
        Reach reachByEthnicGroup,
        Workforce workforce) {

    static final String SUPPRESSION_RULE = "Any count from 1 to 7 is suppressed, and so is every figure worked out "
            + "from one; further counts are suppressed so that no suppressed count can be worked out from the others.";

    @Schema(name = "DashboardMonth", description = "As the report API's monthly row of the PCN (by=PCN)")
    public record Month(@Schema(example = "2026-03") String month,
            @Schema(example = "U84543", nullable = true, description = "Null while no case of the practice has named its PCN") String pcnCode,
            Figure referralsReceived, Figure firstContacts, Figure medianDaysToFirstContact,
            Figure p90DaysToFirstContact,
            @Schema(description = "Per instrument measure, as the monthly report's wellbeing") List<Wellbeing> wellbeing) {
    }

    @Schema(name = "DashboardWellbeing", description = "Change from baseline to the latest follow-up completed in the month")
    public record Wellbeing(@Schema(example = "SWEMWBS") String instrument, @Schema(example = "metric") String measure,
            Figure people, Figure meanChange, Figure shareImproved) {
    }

    @Schema(name = "DashboardReach", description = "As the report API's reach total row (every PCN together)")
    public record Reach(@Schema(example = "[\"1\", \"2\", \"NOT_RECORDED\"]") List<String> categories,
            Map<String, Figure> referralsReceived, Figure total,
            @Schema(description = "The population's share per category (0-1), to compare with; NOT_RECORDED has none")
            Map<String, BigDecimal> populationShare) {
    }

    @Schema(name = "DashboardWorkforce", description = "As GET /reports/workforce")
    public record Workforce(@Schema(example = "200") int guidanceLow, @Schema(example = "250") int guidanceHigh,
            List<Pcn> pcns) {
    }

    @Schema(name = "DashboardWorkforcePcn")
    public record Pcn(@Schema(example = "U84543") String pcnCode, int linkWorkers,
            @Schema(example = "2.60") BigDecimal fte, Figure openCases, Figure peopleInYear, Figure peoplePerFte,
            @Schema(nullable = true) AgainstGuidance againstGuidance) {
    }
}
