package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;

/** One kind of activity or support, e.g. "walking" under "physical activity". */
@Entity
public class TaxonomyTerm {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Taxonomy taxonomy;

    public String code;

    public String name;

    public String description;

    public UUID parentId;
}
