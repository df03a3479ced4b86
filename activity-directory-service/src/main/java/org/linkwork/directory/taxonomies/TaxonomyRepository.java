package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class TaxonomyRepository implements PanacheRepositoryBase<Taxonomy, UUID> {
}
