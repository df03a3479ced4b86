package org.linkwork.outcomes.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A link worker's announced state taken as current (a late, older announcement fires nothing). */
public record WorkforceChanged(UUID linkWorkerId, String pcnCode, BigDecimal fte, boolean active,
        OffsetDateTime changedAt) {
}
