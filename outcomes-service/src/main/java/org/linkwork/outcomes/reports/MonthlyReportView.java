package org.linkwork.outcomes.reports;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import org.linkwork.platform.disclosure.Figure;

@Schema(name = "MonthlyReport", description = "Activity and outcomes per calendar month (Europe/London) and PCN or practice")
public record MonthlyReportView(
        @Schema(example = "2026-01") String from,
        @Schema(example = "2026-12") String to,
        Grouping by,
        @Schema(description = "The PCN the rows are limited to: the caller's own for a coordinator; null for every PCN", example = "U84543", nullable = true)
        String pcnCode,
        @Schema(description = "The practice the rows are limited to, if asked; null otherwise", nullable = true) String odsCode,
        OffsetDateTime generatedAt,
        @Schema(example = SUPPRESSION_RULE) String suppression,
        @Schema(description = "Months and groups with any activity, oldest month first") List<Row> rows) {

    static final String SUPPRESSION_RULE = "Any count from 1 to 7 is suppressed (value null, \"suppressed\": true; \"*\" in "
            + "CSV), and so is every rate, share, mean or median worked out from such a count; 0 is shown. Further "
            + "counts are suppressed where needed so that no suppressed count can be worked out from the PCN's and its "
            + "practices' figures of the same month.";

    public enum Grouping {
        PCN, PRACTICE
    }

    @Schema(name = "MonthlyReportRow", description = """
            One month of one PCN (or practice). Each event counts in the month it happened: referrals in the month \
            received/accepted/rejected, contacts in the month held, plans in the month agreed, cases in the month closed, the days to first \
            contact in the month of that contact, a wellbeing change in the month of its follow-up assessment, GP \
            attendance change in the month the case closed.""")
    public record Row(
            @Schema(example = "2026-03") String month,
            @Schema(description = "Null when no case of the practice has told which PCN it belongs to yet", example = "U84543", nullable = true)
            String pcnCode,
            @Schema(description = "Practice ODS code (grouping PRACTICE only; null for PCN)", example = "B86043", nullable = true) String odsCode,
            Figure referralsReceived,
            Figure referralsAccepted,
            Figure referralsRejected,
            @Schema(description = "Cases whose first attended contact fell in the month") Figure firstContacts,
            @Schema(description = "Median days from referral received to first attended contact, 1 decimal")
            Figure medianDaysToFirstContact,
            @Schema(description = "90th centile (nearest rank) of the days from referral received to first attended contact, 1 decimal")
            Figure p90DaysToFirstContact,
            @Schema(description = "Contacts (appointments) attended") Figure contactsHeld,
            @Schema(description = "Contacts the patient did not attend") Figure contactsDidNotAttend,
            @Schema(description = "Did-not-attend share of all contacts, 0-1, 3 decimals") Figure dnaRate,
            @Schema(description = "Personalised care and support plans agreed (each case's first agreement)") Figure plansAgreed,
            @Schema(description = "Social prescriptions (activities) accepted") Figure activitiesPrescribed,
            Figure casesClosed,
            @Schema(description = "Cases closed per coded reason (caseload-service's reasons)", example = "{\"GOALS_MET\": {\"value\": 9, \"suppressed\": false}}")
            Map<String, Figure> casesClosedByReason,
            @Schema(description = "Per instrument measure: ONS4 each item, SWEMWBS the metric score, UCLA-3 the total")
            List<Wellbeing> wellbeing,
            GpAttendanceChange gpAttendance) {
    }

    @Schema(name = "WellbeingChange", description = """
            Change from the first BASELINE to the latest later follow-up, per person, for those whose follow-up fell \
            in the month. `shareImproved`: the share whose change met the instrument's meaningful-change threshold in \
            the better direction (see GET /outcomes/cases/{caseId}).""")
    public record Wellbeing(@Schema(example = "SWEMWBS") String instrument, @Schema(example = "metric") String measure,
            Figure people,
            @Schema(description = "Mean change (later minus baseline), 2 decimals; for anxiety and UCLA-3 a fall is better")
            Figure meanChange,
            @Schema(description = "0-1, 3 decimals; withheld when the improved or the not-improved count is 1-7")
            Figure shareImproved) {
    }

    @Schema(name = "GpAttendanceChange", description = """
            Cases closed in the month with both practice-reported counts: GP appointments in the 6 months before \
            referral and in the 6 months after closure, means 1 decimal.""")
    public record GpAttendanceChange(Figure cases, Figure meanBefore, Figure meanAfter,
            @Schema(description = "Mean of after minus before; negative = fewer GP appointments") Figure meanChange) {
    }
}
