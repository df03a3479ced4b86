package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Short Warwick-Edinburgh Mental Wellbeing Scale: seven items answered 1 (none of the time) to 5 (all of the
 * time). The raw total (7-35) is converted to the metric score through the SWEMWBS raw-to-metric conversion
 * table from the Rasch analysis (Stewart-Brown et al. 2009, Health Qual Life Outcomes 7:15), which the University
 * of Warwick scoring guidance requires so that scores are on an interval scale and comparable across studies.
 * Both are kept.
 */
public final class Swemwbs {

    public static final List<String> ITEMS = List.of(
            "optimistic",           // I've been feeling optimistic about the future
            "useful",               // I've been feeling useful
            "relaxed",              // I've been feeling relaxed
            "dealingWithProblems",  // I've been dealing with problems well
            "thinkingClearly",      // I've been thinking clearly
            "closeToOthers",        // I've been feeling close to other people
            "ownMind");             // I've been able to make up my own mind about things

    public static final String RAW = "raw";
    public static final String METRIC = "metric";

    /** Metric score for raw totals 7 to 35, in order (SWEMWBS raw score to metric score conversion table). */
    private static final String[] METRIC_BY_RAW = {
            "7.00", "9.51", "11.25", "12.40", "13.33", "14.08", "14.75", "15.32", "15.84", "16.36",
            "16.88", "17.43", "17.98", "18.59", "19.25", "19.98", "20.73", "21.54", "22.35", "23.21",
            "24.11", "25.03", "26.02", "27.03", "28.13", "29.31", "30.70", "32.55", "35.00" };

    /**
     * Shah et al. (2018), Responsiveness of the Short Warwick Edinburgh Mental Well-Being Scale (SWEMWBS),
     * Health Qual Life Outcomes 16:239: at individual level a change of 1 to 3 points is statistically important
     * depending on the standard; 2.77 SEM = 2.87 points. The upper, stricter end (3 metric points) is used.
     */
    static final BigDecimal MEANINGFUL_CHANGE = new BigDecimal("3");

    public static final List<Measure> MEASURES = List.of(new Measure(METRIC, true, MEANINGFUL_CHANGE,
            "Shah N, Cader M, Andrews B, McCabe R, Stewart-Brown SL. Responsiveness of the Short Warwick Edinburgh "
                    + "Mental Well-Being Scale (SWEMWBS): evaluation a clinical sample. Health Qual Life Outcomes "
                    + "2018;16:239 (individual change of 1-3 points; 2.77 SEM = 2.87 points, rounded up to 3)"));

    public static List<Score> score(Map<String, BigDecimal> answers) {
        int raw = Answers.validated(answers, ITEMS, 1, 5, "SWEMWBS").values().stream().mapToInt(Integer::intValue).sum();
        return List.of(Score.of(RAW, raw, null), new Score(METRIC, metric(raw), null));
    }

    /** The metric score of a raw total from 7 to 35. */
    public static BigDecimal metric(int raw) {
        if (raw < 7 || raw > 35) {
            throw new IllegalArgumentException("SWEMWBS raw total must be from 7 to 35, was " + raw);
        }
        return new BigDecimal(METRIC_BY_RAW[raw - 7]);
    }
}
