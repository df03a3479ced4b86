package org.linkwork.dashboard.workforce;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A link worker's latest announced state, under the worker's pseudonym: PCN, whole-time equivalent, taking cases. */
@Entity
public class LinkWorker {

    @Id
    public String pseudonym;
    public String pcnCode;
    public BigDecimal fte;
    public boolean active;
    public OffsetDateTime changedAt;
}
