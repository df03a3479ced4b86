package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One kind of activity or support, e.g. "walking" under "physical activity". */
@Entity
@Table(name = "taxonomy_term")
public class TaxonomyTerm {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "taxonomy_id")
    public Taxonomy taxonomy;

    public String code;

    public String name;

    public String description;

    @Column(name = "parent_id")
    public UUID parentId;
}
