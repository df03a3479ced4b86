package org.linkwork.platform.disclosure;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Small-number suppression for published aggregates (the usual NHS statistical disclosure control): a count from 1
 * to 7 is withheld, 0 is shown (it identifies no one), and any figure worked out
 * from a withheld count (a rate, share, mean or median) is withheld with it, so that it cannot be recovered by
 * arithmetic. A table published with its totals needs more than this: see {@link SuppressedTable}.
 */
public final class Suppression {

    /** Counts below this, except 0, are suppressed. */
    public static final int SMALLEST_SHOWN = 8;

    public static boolean suppresses(long count) {
        if (count < 0) {
            throw new IllegalArgumentException("a count cannot be negative: " + count);
        }
        return count > 0 && count < SMALLEST_SHOWN;
    }

    public static Figure count(long count) {
        return suppresses(count) ? Figure.SUPPRESSED : new Figure(count, false);
    }

    /**
     * A figure worked out from counts (a rate, share, mean or median), withheld when any of them is.
     *
     * @param value computed only when none of the counts it is worked out from is withheld; may give null when
     *              there is nothing to work it out from
     */
    public static Figure derived(Supplier<? extends Number> value, Figure... from) {
        if (Arrays.stream(from).anyMatch(Figure::suppressed)) {
            return Figure.SUPPRESSED;
        }
        Number computed = value.get();
        return computed == null ? Figure.NOT_APPLICABLE : new Figure(computed, false);
    }
}
