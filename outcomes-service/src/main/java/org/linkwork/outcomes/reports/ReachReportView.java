package org.linkwork.outcomes.reports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.platform.disclosure.Figure;

/** Who the referrals reached, by PCN and one demographic split, with the monthly report's suppression. */
@Schema(name = "ReachReport", description = """
        Referrals received in the months asked for, per PCN and per category of one split (sex, ethnic group, age \
        band or IMD 2019 decile). NOT_RECORDED counts referrals whose referrer did not send the item.""")
public record ReachReportView(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,
        Split by,
        @Schema(description = "The PCN asked for; null for every PCN", nullable = true) String pcnCode,
        OffsetDateTime generatedAt,
        @Schema(example = ReachReportView.SUPPRESSION_RULE) String suppression,
        @Schema(description = "The split's categories, in the order of every row's counts", example = "[\"1\", \"2\", \"NOT_RECORDED\"]")
        List<String> categories,
        @Schema(description = "One row per PCN (pcnCode null: practices whose PCN is not known yet, analysts only)")
        List<Row> rows,
        @Schema(description = "Every PCN together, per category; null when one PCN was asked for", nullable = true)
        Row total) {

    static final String SUPPRESSION_RULE = "Any count from 1 to 7 is suppressed (value null, \"suppressed\": true), and "
            + "further counts so that no suppressed count can be worked out from the PCNs' rows, their totals and the "
            + "totals per category; the table is suppressed as a whole, so one PCN's row withholds what the region's does.";

    public enum Split {
        SEX, ETHNIC_GROUP, AGE_BAND, IMD_DECILE
    }

    @Schema(name = "ReachRow")
    public record Row(
            @Schema(example = "U84543", nullable = true) String pcnCode,
            @Schema(description = "Referrals received per category", example = "{\"1\": {\"value\": 41, \"suppressed\": false}}")
            Map<String, Figure> referralsReceived,
            Figure total) {
    }
}
