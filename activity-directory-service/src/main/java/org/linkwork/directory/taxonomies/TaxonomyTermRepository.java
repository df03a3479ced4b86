package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class TaxonomyTermRepository implements PanacheRepositoryBase<TaxonomyTerm, UUID> {

    /** Terms of a taxonomy and/or children of a term (either may be null), by name. */
    PanacheQuery<TaxonomyTerm> find(UUID taxonomyId, UUID parentId) {
        return find("(:taxonomy IS NULL OR taxonomy.id = :taxonomy) AND (:parent IS NULL OR parentId = :parent)",
                Sort.by("name").and("id"), Parameters.with("taxonomy", taxonomyId).and("parent", parentId));
    }
}
