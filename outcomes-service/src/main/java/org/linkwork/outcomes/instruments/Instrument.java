package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The wellbeing measures a link worker records. */
public enum Instrument {

    ONS4(Ons4.ITEMS, Ons4.MEASURES, Ons4::score),
    SWEMWBS(Swemwbs.ITEMS, Swemwbs.MEASURES, Swemwbs::score),
    UCLA3(Ucla3.ITEMS, Ucla3.MEASURES, Ucla3::score);

    public final List<String> items;
    /** The scores whose change from baseline is judged against a meaningful-change threshold. */
    public final List<Measure> measures;
    private final Function<Map<String, BigDecimal>, List<Score>> scoring;

    Instrument(List<String> items, List<Measure> measures, Function<Map<String, BigDecimal>, List<Score>> scoring) {
        this.items = items;
        this.measures = measures;
        this.scoring = scoring;
    }

    /** Scores complete, in-range answers; throws {@link InvalidAnswerException} naming the first bad item. */
    public List<Score> score(Map<String, BigDecimal> answers) {
        return scoring.apply(answers);
    }
}
