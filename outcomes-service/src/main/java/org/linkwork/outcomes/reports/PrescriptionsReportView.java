package org.linkwork.outcomes.reports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.platform.disclosure.Figure;

/** Social prescriptions by PCN and kind of activity, with the reach report's suppression. */
@Schema(name = "PrescriptionsReport", description = """
        Social prescriptions (activities) accepted in the months asked for, per PCN and per taxonomy term of the \
        service prescribed (the activity directory's codes). A prescription counts under each term of its service, \
        so the counts are term mentions. NOT_RECORDED counts prescriptions whose terms are not known or that the \
        directory gave no term.""")
public record PrescriptionsReportView(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,
        @Schema(description = "The PCN asked for; null for every PCN", nullable = true) String pcnCode,
        OffsetDateTime generatedAt,
        @Schema(example = PrescriptionsReportView.SUPPRESSION_RULE) String suppression,
        @Schema(description = "The term codes prescribed in the period (every PCN's), sorted, then NOT_RECORDED: the order of every row's counts",
                example = "[\"peer-support\", \"walking\", \"NOT_RECORDED\"]")
        List<String> terms,
        @Schema(description = "One row per PCN (pcnCode null: practices whose PCN is not known yet, analysts only)")
        List<Row> rows,
        @Schema(description = "Every PCN together, per term; null when one PCN was asked for", nullable = true)
        Row total) {

    static final String SUPPRESSION_RULE = "Any count from 1 to 7 is suppressed (value null, \"suppressed\": true), and "
            + "further counts so that no suppressed count can be worked out from the PCNs' rows, their totals and the "
            + "totals per term; the table is suppressed as a whole, so one PCN's row withholds what the region's does.";

    @Schema(name = "PrescriptionsRow")
    public record Row(
            @Schema(example = "U84543", nullable = true) String pcnCode,
            @Schema(description = "Prescriptions per term code; a prescription of a service with two terms counts under both",
                    example = "{\"walking\": {\"value\": 41, \"suppressed\": false}}")
            Map<String, Figure> activitiesPrescribed,
            @Schema(description = "The sum of the row's counts: term mentions, which exceed the prescriptions when services have several terms")
            Figure total) {
    }
}
