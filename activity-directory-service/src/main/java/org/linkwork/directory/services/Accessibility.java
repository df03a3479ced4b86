package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** An accessibility feature of a location (step-free access, hearing loop, accessible toilet). */
@Entity
public class Accessibility extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Location location;

    public String description;

    public String details;

    public String url;
}
