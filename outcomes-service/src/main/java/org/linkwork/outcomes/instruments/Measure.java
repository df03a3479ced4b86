package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;

/**
 * A score whose change from baseline is judged, with the smallest change that counts as meaningful for one person.
 *
 * @param higherIsBetter false where a fall is the improvement (ONS anxiety, UCLA-3 loneliness)
 * @param meaningfulChange the absolute change at or beyond which the change is meaningful
 * @param source where the threshold comes from
 */
public record Measure(String name, boolean higherIsBetter, BigDecimal meaningfulChange, String source) {
}
