package org.linkwork.platform.disclosure;

import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

import org.linkwork.platform.problem.ProblemException;

/**
 * The calendar months a report covers, read from its {@code from} and {@code to} parameters (YYYY-MM): by default
 * the 12 up to the current month; at most {@value #MOST_MONTHS}. A bad value is a problem naming its parameter.
 */
public record ReportingPeriod(YearMonth first, YearMonth last) {

    public static final int MOST_MONTHS = 60;

    public static ReportingPeriod of(String from, String to) {
        YearMonth last = to == null ? YearMonth.from(ZonedDateTime.now(Statistics.LONDON)) : month("to", to);
        YearMonth first = from == null ? last.minusMonths(11) : month("from", from);
        if (last.isBefore(first)) {
            throw ProblemException.unprocessable("to", "must not be before from (" + first + ")");
        }
        if (first.plusMonths(MOST_MONTHS).isBefore(last.plusMonths(1))) {
            throw ProblemException.unprocessable("from", "at most " + MOST_MONTHS + " months can be reported at once");
        }
        return new ReportingPeriod(first, last);
    }

    /** The period's first instant. */
    public OffsetDateTime start() {
        return Statistics.startOf(first);
    }

    /** The first instant after the period. */
    public OffsetDateTime end() {
        return Statistics.startOf(last.plusMonths(1));
    }

    private static YearMonth month(String parameter, String value) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ProblemException.badRequest(parameter, "must be a month as YYYY-MM");
        }
    }
}
