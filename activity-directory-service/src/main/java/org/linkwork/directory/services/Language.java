package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A language a service is delivered in (ISO 639 code). */
@Entity
@Table(name = "language")
public class Language extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "service_id")
    public Service service;

    public String name;

    public String code;

    public String note;
}
