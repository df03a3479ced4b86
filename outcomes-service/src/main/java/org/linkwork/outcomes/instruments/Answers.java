package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks a set of answers against an instrument's items and their range before anything is scored. */
final class Answers {

    /** The answers as whole numbers in item order; every item must be answered, once, within [min, max]. */
    static Map<String, Integer> validated(Map<String, BigDecimal> answers, List<String> items, int min, int max,
            String instrument) {
        for (String given : answers.keySet()) {
            if (!items.contains(given)) {
                throw new InvalidAnswerException(given, "is not an item of " + instrument + " (items: "
                        + String.join(", ", items) + ")");
            }
        }
        Map<String, Integer> checked = new LinkedHashMap<>();
        for (String item : items) {
            BigDecimal value = answers.get(item);
            if (value == null) {
                throw new InvalidAnswerException(item, "is not answered; " + instrument + " is scored only when complete");
            }
            if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
                throw new InvalidAnswerException(item, "must be a whole number from " + min + " to " + max);
            }
            if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
                throw new InvalidAnswerException(item, "must be from " + min + " to " + max + ", was " + value.toPlainString());
            }
            checked.put(item, value.intValueExact());
        }
        return checked;
    }
}
