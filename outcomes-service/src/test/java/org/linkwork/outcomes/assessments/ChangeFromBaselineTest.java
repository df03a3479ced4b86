package org.linkwork.outcomes.assessments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.linkwork.outcomes.assessments.ChangeFromBaseline.Direction;
import org.linkwork.outcomes.assessments.ChangeFromBaseline.MeasureChange;
import org.linkwork.outcomes.assessments.ChangeFromBaseline.Result;
import org.linkwork.outcomes.assessments.ChangeFromBaseline.Taken;
import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Swemwbs;
import org.linkwork.outcomes.instruments.Ucla3;

class ChangeFromBaselineTest {

    private static final OffsetDateTime JAN = OffsetDateTime.parse("2026-01-10T10:00:00Z");

    private static Taken swemwbs(Timepoint timepoint, OffsetDateTime at, int... answers) {
        Map<String, BigDecimal> byItem = new LinkedHashMap<>();
        for (int i = 0; i < answers.length; i++) {
            byItem.put(Swemwbs.ITEMS.get(i), BigDecimal.valueOf(answers[i]));
        }
        return new Taken(timepoint, at, Instrument.SWEMWBS.score(byItem));
    }

    private static Taken ucla3(Timepoint timepoint, OffsetDateTime at, int a, int b, int c) {
        return new Taken(timepoint, at, Ucla3.score(Map.of("lackCompanionship", BigDecimal.valueOf(a), "leftOut",
                BigDecimal.valueOf(b), "isolated", BigDecimal.valueOf(c))));
    }

    @Test
    void swemwbsMetricRiseOfThreeOrMoreIsAMeaningfulImprovement() {
        // raw 21 -> metric 19.25; raw 25 -> metric 22.35: +3.10
        Result result = ChangeFromBaseline.of(Instrument.SWEMWBS, List.of(
                swemwbs(Timepoint.BASELINE, JAN, 3, 3, 3, 3, 3, 3, 3),
                swemwbs(Timepoint.REVIEW, JAN.plusMonths(3), 4, 4, 4, 4, 3, 3, 3))).orElseThrow();

        MeasureChange metric = result.measures().get(0);
        assertEquals(new BigDecimal("3.10"), metric.change());
        assertTrue(metric.meetsThreshold());
        assertEquals(Direction.IMPROVED, metric.direction());
    }

    @Test
    void swemwbsMetricRiseBelowThreeIsNotMeaningful() {
        // raw 21 -> 19.25; raw 24 -> 21.54: +2.29
        MeasureChange metric = ChangeFromBaseline.of(Instrument.SWEMWBS, List.of(
                swemwbs(Timepoint.BASELINE, JAN, 3, 3, 3, 3, 3, 3, 3),
                swemwbs(Timepoint.DISCHARGE, JAN.plusMonths(6), 4, 4, 4, 3, 3, 3, 3))).orElseThrow().measures().get(0);

        assertEquals(new BigDecimal("2.29"), metric.change());
        assertFalse(metric.meetsThreshold());
        assertEquals(Direction.NO_MEANINGFUL_CHANGE, metric.direction());
    }

    @Test
    void comparesTheFirstBaselineWithTheLatestFollowUp() {
        Result result = ChangeFromBaseline.of(Instrument.UCLA3, List.of(
                ucla3(Timepoint.REVIEW, JAN.plusMonths(2), 2, 2, 2),
                ucla3(Timepoint.BASELINE, JAN, 3, 3, 3),
                ucla3(Timepoint.DISCHARGE, JAN.plusMonths(5), 2, 1, 1),
                ucla3(Timepoint.BASELINE, JAN.plusDays(1), 1, 1, 1))).orElseThrow();

        assertEquals(JAN, result.baselineCompletedAt());
        assertEquals(Timepoint.DISCHARGE, result.latestTimepoint());
        assertEquals(new BigDecimal("-5"), result.measures().get(0).change());
    }

    @Test
    void aFallInLonelinessIsAnImprovementAndARiseAWorsening() {
        Direction better = ChangeFromBaseline.of(Instrument.UCLA3, List.of(ucla3(Timepoint.BASELINE, JAN, 3, 3, 2),
                ucla3(Timepoint.REVIEW, JAN.plusMonths(1), 2, 3, 2))).orElseThrow().measures().get(0).direction();
        Direction worse = ChangeFromBaseline.of(Instrument.UCLA3, List.of(ucla3(Timepoint.BASELINE, JAN, 1, 1, 1),
                ucla3(Timepoint.REVIEW, JAN.plusMonths(1), 2, 1, 1))).orElseThrow().measures().get(0).direction();

        assertEquals(Direction.IMPROVED, better);
        assertEquals(Direction.WORSENED, worse);
    }

    @Test
    void noChangeWithoutABaseline() {
        assertTrue(ChangeFromBaseline.of(Instrument.UCLA3, List.of(ucla3(Timepoint.REVIEW, JAN, 2, 2, 2))).isEmpty());
    }

    @Test
    void noChangeWithoutAFollowUpAfterTheBaseline() {
        assertTrue(ChangeFromBaseline.of(Instrument.UCLA3, List.of(ucla3(Timepoint.REVIEW, JAN, 2, 2, 2),
                ucla3(Timepoint.BASELINE, JAN.plusDays(1), 2, 2, 2))).isEmpty());
    }
}
