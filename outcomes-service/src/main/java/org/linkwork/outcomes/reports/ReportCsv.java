package org.linkwork.outcomes.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.linkwork.platform.disclosure.Figure;

/**
 * The report as CSV in long form, one figure per line ({@code month,pcnCode,odsCode,measure,value}), so that the
 * columns stay the same whatever reasons and instruments a month has. Suppressed figures read {@code *}; figures with
 * nothing to work from are empty.
 */
final class ReportCsv {

    static final String HEADER = "month,pcnCode,odsCode,measure,value";

    static String of(MonthlyReportView report) {
        StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
        for (MonthlyReportView.Row row : report.rows()) {
            for (String[] figure : figures(row)) {
                csv.append(row.month()).append(',').append(text(row.pcnCode())).append(',').append(text(row.odsCode()))
                        .append(',').append(figure[0]).append(',').append(figure[1]).append("\r\n");
            }
        }
        return csv.toString();
    }

    private static List<String[]> figures(MonthlyReportView.Row row) {
        List<String[]> figures = new ArrayList<>();
        add(figures, "referralsReceived", row.referralsReceived());
        add(figures, "referralsAccepted", row.referralsAccepted());
        add(figures, "referralsRejected", row.referralsRejected());
        add(figures, "firstContacts", row.firstContacts());
        add(figures, "medianDaysToFirstContact", row.medianDaysToFirstContact());
        add(figures, "p90DaysToFirstContact", row.p90DaysToFirstContact());
        add(figures, "contactsHeld", row.contactsHeld());
        add(figures, "contactsDidNotAttend", row.contactsDidNotAttend());
        add(figures, "dnaRate", row.dnaRate());
        add(figures, "plansAgreed", row.plansAgreed());
        add(figures, "activitiesPrescribed", row.activitiesPrescribed());
        add(figures, "casesClosed", row.casesClosed());
        row.casesClosedByReason().forEach((reason, figure) -> add(figures, "casesClosed." + reason, figure));
        for (MonthlyReportView.Wellbeing w : row.wellbeing()) {
            String prefix = "wellbeing." + w.instrument() + "." + w.measure() + ".";
            add(figures, prefix + "people", w.people());
            add(figures, prefix + "meanChange", w.meanChange());
            add(figures, prefix + "shareImproved", w.shareImproved());
        }
        add(figures, "gpAttendance.cases", row.gpAttendance().cases());
        add(figures, "gpAttendance.meanBefore", row.gpAttendance().meanBefore());
        add(figures, "gpAttendance.meanAfter", row.gpAttendance().meanAfter());
        add(figures, "gpAttendance.meanChange", row.gpAttendance().meanChange());
        return figures;
    }

    private static void add(List<String[]> figures, String measure, Figure figure) {
        String value = figure.suppressed() ? "*" : figure.value() == null ? ""
                : figure.value() instanceof BigDecimal decimal ? decimal.toPlainString() : figure.value().toString();
        figures.add(new String[] { measure, value });
    }

    /**
     * Codes come from other services' events: quote what would break the line, and defuse what a spreadsheet would
     * run as a formula.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        boolean quote = safe.chars().anyMatch(c -> c == '"' || c == ',' || c == '\r' || c == '\n');
        return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }
}
