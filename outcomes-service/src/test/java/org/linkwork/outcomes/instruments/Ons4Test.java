package org.linkwork.outcomes.instruments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Ons4Test {

    private static Map<String, BigDecimal> answers(int satisfaction, int worthwhile, int happiness, int anxiety) {
        Map<String, BigDecimal> answers = new HashMap<>();
        answers.put("lifeSatisfaction", BigDecimal.valueOf(satisfaction));
        answers.put("worthwhile", BigDecimal.valueOf(worthwhile));
        answers.put("happiness", BigDecimal.valueOf(happiness));
        answers.put("anxiety", BigDecimal.valueOf(anxiety));
        return answers;
    }

    @Test
    void reportsEachItemSeparatelyWithItsBandAndNeverASum() {
        List<Score> scores = Ons4.score(answers(7, 8, 4, 6));

        assertEquals(List.of(Score.of("lifeSatisfaction", 7, "HIGH"), Score.of("worthwhile", 8, "HIGH"),
                Score.of("happiness", 4, "LOW"), Score.of("anxiety", 6, "HIGH")), scores);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "0,LOW", "4,LOW", "5,MEDIUM", "6,MEDIUM", "7,HIGH", "8,HIGH", "9,VERY_HIGH", "10,VERY_HIGH" })
    void bandsSatisfactionWorthwhileAndHappinessAtTheOnsThresholds(int value, String band) {
        assertEquals(band, Ons4.positiveBand(value));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "0,VERY_LOW", "1,VERY_LOW", "2,LOW", "3,LOW", "4,MEDIUM", "5,MEDIUM", "6,HIGH", "10,HIGH" })
    void bandsAnxietyTheOtherWayAtTheOnsThresholds(int value, String band) {
        assertEquals(band, Ons4.anxietyBand(value));
    }

    @Test
    void refusesAMissingItemNamingIt() {
        Map<String, BigDecimal> answers = answers(7, 8, 4, 6);
        answers.remove("happiness");

        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class, () -> Ons4.score(answers));
        assertEquals("happiness", refused.item());
    }

    @Test
    void refusesAnAnswerAboveTenNamingTheItem() {
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class, () -> Ons4.score(answers(7, 11, 4, 6)));
        assertEquals("worthwhile", refused.item());
    }

    @Test
    void refusesANegativeAnswer() {
        InvalidAnswerException refused = assertThrows(InvalidAnswerException.class, () -> Ons4.score(answers(7, 8, 4, -1)));
        assertEquals("anxiety", refused.item());
    }

    @Test
    void refusesAFractionalAnswer() {
        Map<String, BigDecimal> answers = answers(7, 8, 4, 6);
        answers.put("lifeSatisfaction", new BigDecimal("6.5"));

        assertEquals("lifeSatisfaction", assertThrows(InvalidAnswerException.class, () -> Ons4.score(answers)).item());
    }

    @Test
    void refusesAnItemThatIsNotPartOfTheInstrument() {
        Map<String, BigDecimal> answers = answers(7, 8, 4, 6);
        answers.put("loneliness", BigDecimal.ONE);

        assertEquals("loneliness", assertThrows(InvalidAnswerException.class, () -> Ons4.score(answers)).item());
    }
}
