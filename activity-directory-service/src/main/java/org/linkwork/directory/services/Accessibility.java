package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An accessibility feature of a location (step-free access, hearing loop, accessible toilet). */
@Entity
@Table(name = "accessibility")
public class Accessibility extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    public String description;

    public String details;

    public String url;
}
