package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * ONS personal well-being (ONS4): four questions answered 0-10. ONS reports each item on its own, never a sum,
 * and groups answers into threshold bands: for life satisfaction, worthwhile and happiness 0-4 low, 5-6 medium,
 * 7-8 high, 9-10 very high; for anxiety, where a higher answer means lower well-being, 0-1 very low, 2-3 low,
 * 4-5 medium, 6-10 high (ONS, Personal well-being in the UK, thresholds as stated in ONS guidance and FOI answers).
 */
public final class Ons4 {

    public static final String LIFE_SATISFACTION = "lifeSatisfaction";
    public static final String WORTHWHILE = "worthwhile";
    public static final String HAPPINESS = "happiness";
    public static final String ANXIETY = "anxiety";
    public static final List<String> ITEMS = List.of(LIFE_SATISFACTION, WORTHWHILE, HAPPINESS, ANXIETY);

    /**
     * ONS publishes no minimal important change for these items. One whole point on the 0-10 scale is the
     * smallest change a person can report, and is the threshold used here.
     */
    static final BigDecimal MEANINGFUL_CHANGE = BigDecimal.ONE;
    static final String CHANGE_SOURCE = "Chosen: ONS publishes no individual meaningful-change threshold for the "
            + "personal well-being items; 1 point, the smallest step of the 0-10 scale";

    /** Every item, each on its own; for anxiety a fall is the improvement. */
    public static final List<Measure> MEASURES = ITEMS.stream()
            .map(item -> new Measure(item, !ANXIETY.equals(item), MEANINGFUL_CHANGE, CHANGE_SOURCE)).toList();

    public static List<Score> score(Map<String, BigDecimal> answers) {
        Map<String, Integer> valid = Answers.validated(answers, ITEMS, 0, 10, "ONS4");
        return ITEMS.stream().map(item -> {
            int value = valid.get(item);
            return Score.of(item, value, ANXIETY.equals(item) ? anxietyBand(value) : positiveBand(value));
        }).toList();
    }

    /** Band of life satisfaction, worthwhile or happiness. */
    public static String positiveBand(int value) {
        if (value <= 4) {
            return "LOW";
        }
        if (value <= 6) {
            return "MEDIUM";
        }
        return value <= 8 ? "HIGH" : "VERY_HIGH";
    }

    /** Band of anxiety: banded the other way, since more anxiety is lower well-being. */
    public static String anxietyBand(int value) {
        if (value <= 1) {
            return "VERY_LOW";
        }
        if (value <= 3) {
            return "LOW";
        }
        return value <= 5 ? "MEDIUM" : "HIGH";
    }
}
