package org.linkwork.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class StatisticsTest {

    private static List<BigDecimal> days(int... values) {
        return IntStream.of(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void theNinetiethCentileIsTheValueAtTheNearestRank() {
        assertEquals(new BigDecimal("9.0"), Statistics.centile(days(10, 1, 2, 3, 4, 5, 6, 7, 8, 9), 90));
        assertEquals(new BigDecimal("10.0"), Statistics.centile(days(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11), 90));
    }

    @Test
    void oneValueIsEveryCentile() {
        assertEquals(new BigDecimal("4.0"), Statistics.centile(days(4), 90));
        assertEquals(new BigDecimal("4.0"), Statistics.centile(days(4), 1));
    }

    @Test
    void noValuesHaveNoCentile() {
        assertNull(Statistics.centile(List.of(), 90));
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertEquals(new BigDecimal("2.5"), Statistics.median(days(4, 1, 3, 2)));
        assertEquals(new BigDecimal("3.0"), Statistics.median(days(5, 1, 3)));
    }

    @Test
    void daysAreCountedInWholeMinutes() {
        OffsetDateTime from = OffsetDateTime.parse("2026-03-01T09:00:00Z");
        assertEquals(new BigDecimal("1.5000"), Statistics.daysBetween(from, from.plusHours(36).plusSeconds(59)));
    }

    @Test
    void reportingMonthsAreEnglandsCalendarMonths() {
        // 23:30 UTC on 31 May is 00:30 on 1 June in London (BST).
        assertEquals(YearMonth.of(2026, 6), Statistics.monthOf(OffsetDateTime.parse("2026-05-31T23:30:00Z")));
        assertEquals(OffsetDateTime.parse("2026-06-01T00:00:00+01:00"), Statistics.startOf(YearMonth.of(2026, 6)));
    }
}
