package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;

/** A service delivered at a location (HSDS {@code service_at_location}). */
@Entity
public class ServiceAtLocation extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Location location;

    public String description;
}
