package org.linkwork.directory.services;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** What a session costs; free activities have an option with amount 0. */
@Entity
@Table(name = "cost_option")
public class CostOption extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    public Service service;

    public String option;

    public String currency;

    public BigDecimal amount;

    @Column(name = "amount_description")
    public String amountDescription;
}
