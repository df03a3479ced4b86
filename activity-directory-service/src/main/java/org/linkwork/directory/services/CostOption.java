package org.linkwork.directory.services;

import java.math.BigDecimal;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** What a session costs; free activities have an option with amount 0. */
@Entity
public class CostOption extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    public String option;

    public String currency;

    public BigDecimal amount;

    public String amountDescription;
}
