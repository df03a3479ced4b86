package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * UCLA three-item loneliness scale (Hughes, Waite, Hawkley and Cacioppo, "A short scale for measuring loneliness
 * in large surveys", Research on Aging 26(6), 2004), the indirect part of the ONS national loneliness indicator:
 * how often do you feel that you lack companionship / left out / isolated from others, answered 1 (hardly ever
 * or never), 2 (some of the time), 3 (often). Total 3-9; 6 or more is classed as lonely: the cut-off issue 6
 * specifies, a convention rather than a cut-off published by ONS or the scale's authors.
 */
public final class Ucla3 {

    public static final List<String> ITEMS = List.of("lackCompanionship", "leftOut", "isolated");
    public static final String TOTAL = "total";
    public static final int LONELY_FROM = 6;

    /**
     * No minimal important change is published for the three-item scale; 1 point, one answer moving one step
     * (e.g. "often" to "some of the time"), is the smallest change it can show and is the threshold used here.
     */
    public static final List<Measure> MEASURES = List.of(new Measure(TOTAL, false, BigDecimal.ONE,
            "Chosen: no published minimal important change for UCLA-3; 1 point, one answer moving one step"));

    public static List<Score> score(Map<String, BigDecimal> answers) {
        int total = Answers.validated(answers, ITEMS, 1, 3, "UCLA3").values().stream().mapToInt(Integer::intValue).sum();
        return List.of(Score.of(TOTAL, total, band(total)));
    }

    public static String band(int total) {
        return total >= LONELY_FROM ? "LONELY" : "NOT_LONELY";
    }
}
