package org.linkwork.outcomes.instruments;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One reported figure of an assessment: an ONS4 item, the SWEMWBS raw or metric score, the UCLA-3 total.
 *
 * @param band the published band the value falls in, or null where the instrument defines none for it
 */
@Embeddable
public record Score(@Column(nullable = false) String measure, @Column(name = "score", nullable = false) BigDecimal value,
        String band) {

    public static Score of(String measure, int value, String band) {
        return new Score(measure, BigDecimal.valueOf(value), band);
    }
}
