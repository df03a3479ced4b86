package org.linkwork.directory.services;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import org.linkwork.directory.taxonomies.TaxonomyTerm;

/** The link between a service and a taxonomy term, as HSDS 3 models it. */
@Entity
public class Attribute extends OwnedRow {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    public Service service;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "taxonomy_term_id")
    public TaxonomyTerm term;
}
