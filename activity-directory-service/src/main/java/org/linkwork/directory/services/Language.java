package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A language a service is delivered in (ISO 639 code). */
@Entity
public class Language extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    public String name;

    public String code;

    public String note;
}
