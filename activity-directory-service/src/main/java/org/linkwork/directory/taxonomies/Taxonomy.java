package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/** A vocabulary of service kinds; Linkwork seeds its own social prescribing one. */
@Entity
public class Taxonomy {

    @Id
    public UUID id;

    public String name;

    public String description;

    public String uri;

    public String version;
}
