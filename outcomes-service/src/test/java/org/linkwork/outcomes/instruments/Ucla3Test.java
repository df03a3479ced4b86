package org.linkwork.outcomes.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ucla3Test {

    private static Map<String, BigDecimal> answers(int companionship, int leftOut, int isolated) {
        return Map.of("lackCompanionship", BigDecimal.valueOf(companionship), "leftOut", BigDecimal.valueOf(leftOut),
                "isolated", BigDecimal.valueOf(isolated));
    }

    @Test
    void sumsTheThreeItems() {
        assertEquals(List.of(Score.of("total", 7, "LONELY")), Ucla3.score(answers(3, 2, 2)));
    }

    @ParameterizedTest(name = "total {0} -> {1}")
    @CsvSource({ "3,NOT_LONELY", "4,NOT_LONELY", "5,NOT_LONELY", "6,LONELY", "7,LONELY", "8,LONELY", "9,LONELY" })
    void classesSixOrMoreAsLonely(int total, String band) {
        assertEquals(band, Ucla3.band(total));
    }

    @Test
    void scoresHardlyEverToEveryQuestionAsTheMinimumThree() {
        assertEquals(List.of(Score.of("total", 3, "NOT_LONELY")), Ucla3.score(answers(1, 1, 1)));
    }

    @Test
    void refusesFourBecauseAnswersEndAtOften() {
        assertEquals("isolated",
                assertThrows(InvalidAnswerException.class, () -> Ucla3.score(answers(1, 2, 4))).item());
    }

    @Test
    void refusesAMissingItem() {
        Map<String, BigDecimal> two = Map.of("lackCompanionship", BigDecimal.ONE, "isolated", BigDecimal.ONE);
        assertEquals("leftOut", assertThrows(InvalidAnswerException.class, () -> Ucla3.score(two)).item());
    }
}
