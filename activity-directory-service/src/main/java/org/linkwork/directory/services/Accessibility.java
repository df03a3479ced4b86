package org.linkwork.directory.services;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** An accessibility feature of a location (step-free access, hearing loop, accessible toilet). */
@Entity
@Table(name = "accessibility")
public class Accessibility {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "location_id")
    public Location location;

    public String description;

    public String details;

    public String url;
}
