package org.linkwork.outcomes.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CentileTest {

    private static List<BigDecimal> days(int... values) {
        return IntStream.of(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void theNinetiethCentileIsTheValueAtTheNearestRank() {
        assertEquals(new BigDecimal("9.0"), ReportService.centile(days(10, 1, 2, 3, 4, 5, 6, 7, 8, 9), 90));
        assertEquals(new BigDecimal("10.0"), ReportService.centile(days(10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11), 90));
    }

    @Test
    void oneValueIsEveryCentile() {
        assertEquals(new BigDecimal("4.0"), ReportService.centile(days(4), 90));
        assertEquals(new BigDecimal("4.0"), ReportService.centile(days(4), 1));
    }

    @Test
    void noValuesHaveNoCentile() {
        assertNull(ReportService.centile(List.of(), 90));
    }
}
