package org.linkwork.platform.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;

/**
 * The arithmetic of published figures, shared so that the report API and a dashboard built from ics-events round
 * every figure the same way and can be compared number for number.
 */
public final class Statistics {

    /** NHS reporting months are calendar months in England. */
    public static final ZoneId LONDON = ZoneId.of("Europe/London");

    private Statistics() {
    }

    /** The first instant of {@code month} in England. */
    public static OffsetDateTime startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(LONDON).toOffsetDateTime();
    }

    /** The reporting month an instant falls in. */
    public static YearMonth monthOf(OffsetDateTime when) {
        return YearMonth.from(when.atZoneSameInstant(LONDON));
    }

    /** Days between two instants, counted in whole minutes, 4 decimals. */
    public static BigDecimal daysBetween(OffsetDateTime from, OffsetDateTime to) {
        return BigDecimal.valueOf(Duration.between(from, to).toMinutes())
                .divide(BigDecimal.valueOf(24 * 60), 4, RoundingMode.HALF_UP);
    }

    public static BigDecimal mean(List<BigDecimal> values, int scale) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), scale, RoundingMode.HALF_UP);
    }

    /** 1 decimal. */
    public static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal[] sorted = values.stream().sorted().toArray(BigDecimal[]::new);
        int middle = sorted.length / 2;
        BigDecimal median = sorted.length % 2 == 1 ? sorted[middle]
                : sorted[middle - 1].add(sorted[middle]).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        return median.setScale(1, RoundingMode.HALF_UP);
    }

    /** Nearest-rank centile, 1 decimal: the smallest value with at least {@code centile}% of the values at or below it. */
    public static BigDecimal centile(List<BigDecimal> values, int centile) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int rank = (int) Math.ceil(centile / 100.0 * sorted.size());
        return sorted.get(Math.max(rank, 1) - 1).setScale(1, RoundingMode.HALF_UP);
    }

    /** 3 decimals; null for a whole of 0. */
    public static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
