package org.linkwork.outcomes.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A link worker's latest announced state: where they work, how much, and whether they take cases. */
@Entity
public class LinkWorkerRecord {

    @Id
    public UUID linkWorkerId;
    public String pcnCode;
    public BigDecimal fte;
    public boolean active;
    public OffsetDateTime changedAt;
}
