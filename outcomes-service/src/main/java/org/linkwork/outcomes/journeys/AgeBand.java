package org.linkwork.outcomes.journeys;

import java.time.LocalDate;
import java.time.Period;

/**
 * Age in the bands ICS dashboards use instead of a date of birth: 0-17, 18-24, then ten-year bands to 75-84, and
 * 85+. Wide enough that band, district and practice together rarely single anyone out.
 */
public final class AgeBand {

    private static final int[] LOWER = { 0, 18, 25, 35, 45, 55, 65, 75, 85 };

    /** @return e.g. {@code 65-74}; {@code null} when either date is unknown or birth is after {@code on} */
    public static String of(LocalDate dateOfBirth, LocalDate on) {
        if (dateOfBirth == null || on == null || dateOfBirth.isAfter(on)) {
            return null;
        }
        int age = Period.between(dateOfBirth, on).getYears();
        for (int i = LOWER.length - 1; i >= 0; i--) {
            if (age >= LOWER[i]) {
                return i == LOWER.length - 1 ? LOWER[i] + "+" : LOWER[i] + "-" + (LOWER[i + 1] - 1);
            }
        }
        throw new IllegalStateException("age " + age);
    }
}
