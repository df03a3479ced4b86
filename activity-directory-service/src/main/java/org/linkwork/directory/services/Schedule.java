package org.linkwork.directory.services;

import java.time.LocalDate;
import java.time.LocalTime;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A weekly (or monthly) session in RFC 5545 terms: {@code byday} like {@code MO,WE}, opening and closing times. */
@Entity
public class Schedule extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    public String freq = "WEEKLY";

    public String byday;

    public LocalTime opensAt;

    public LocalTime closesAt;

    public LocalDate validFrom;

    public LocalDate validTo;

    public String description;
}
