package org.linkwork.platform.disclosure;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Where a PCN's link-worker load stands against NHS England's guidance that a full-time link worker supports
 * {@value #LOW}-{@value #HIGH} people a year; worked out the same way by the workforce report and the ICS dashboard.
 */
public enum AgainstGuidance {
    BELOW, WITHIN, ABOVE;

    public static final int LOW = 200;
    public static final int HIGH = 250;

    /** People per whole-time equivalent, 1 decimal; withheld with the people count, null without FTE. */
    public static Figure peoplePerFte(long people, BigDecimal fte) {
        return Suppression.derived(() -> fte.signum() == 0 ? null
                : BigDecimal.valueOf(people).divide(fte, 1, RoundingMode.HALF_UP), Suppression.count(people));
    }

    /** Null when the figure is withheld or there is none. */
    public static AgainstGuidance of(Figure peoplePerFte) {
        if (peoplePerFte.value() == null) {
            return null;
        }
        double perFte = peoplePerFte.value().doubleValue();
        return perFte < LOW ? BELOW : perFte > HIGH ? ABOVE : WITHIN;
    }
}
