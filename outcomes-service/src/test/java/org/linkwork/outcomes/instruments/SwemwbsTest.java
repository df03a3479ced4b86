package org.linkwork.outcomes.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SwemwbsTest {

    private static Map<String, BigDecimal> answers(int... values) {
        Map<String, BigDecimal> answers = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            answers.put(Swemwbs.ITEMS.get(i), BigDecimal.valueOf(values[i]));
        }
        return answers;
    }

    /** Every row of the published SWEMWBS raw score to metric score conversion table. */
    @ParameterizedTest(name = "raw {0} -> metric {1}")
    @CsvSource({
            "7,7.00", "8,9.51", "9,11.25", "10,12.40", "11,13.33", "12,14.08", "13,14.75", "14,15.32",
            "15,15.84", "16,16.36", "17,16.88", "18,17.43", "19,17.98", "20,18.59", "21,19.25", "22,19.98",
            "23,20.73", "24,21.54", "25,22.35", "26,23.21", "27,24.11", "28,25.03", "29,26.02", "30,27.03",
            "31,28.13", "32,29.31", "33,30.70", "34,32.55", "35,35.00" })
    void convertsEveryRawTotalToThePublishedMetricScore(int raw, String metric) {
        assertEquals(new BigDecimal(metric), Swemwbs.metric(raw));
    }

    @Test
    void keepsTheRawTotalAndItsMetricScore() {
        List<Score> scores = Swemwbs.score(answers(3, 4, 2, 3, 4, 3, 5));

        assertEquals(List.of(Score.of("raw", 24, null), new Score("metric", new BigDecimal("21.54"), null)), scores);
    }

    @Test
    void scoresTheLowestAndHighestPossibleAnswers() {
        assertEquals(new BigDecimal("7.00"), Swemwbs.score(answers(1, 1, 1, 1, 1, 1, 1)).get(1).value());
        assertEquals(new BigDecimal("35.00"), Swemwbs.score(answers(5, 5, 5, 5, 5, 5, 5)).get(1).value());
    }

    @Test
    void refusesAnIncompleteSetNamingTheUnansweredItem() {
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class,
                () -> Swemwbs.score(answers(3, 4, 2, 3, 4, 3)));
        assertEquals("ownMind", refused.item());
    }

    @Test
    void refusesZeroBecauseItemsStartAtOne() {
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class,
                () -> Swemwbs.score(answers(3, 0, 2, 3, 4, 3, 5)));
        assertEquals("useful", refused.item());
    }

    @Test
    void refusesSixBecauseItemsEndAtFive() {
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class,
                () -> Swemwbs.score(answers(3, 4, 6, 3, 4, 3, 5)));
        assertEquals("relaxed", refused.item());
    }

    @Test
    void refusesARawTotalOutsideTheTable() {
        assertThrows(IllegalArgumentException.class, () -> Swemwbs.metric(6));
        assertThrows(IllegalArgumentException.class, () -> Swemwbs.metric(36));
    }
}
