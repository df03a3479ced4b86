package org.linkwork.directory.taxonomies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS 3 {@code taxonomy_term} as the ORUK API returns it, with its taxonomy nested. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxonomyTermView(String id, String code, String name, String description, String parentId, String taxonomy,
        String taxonomyId, TaxonomyView taxonomyDetail) {

    public static TaxonomyTermView of(TaxonomyTerm term) {
        return new TaxonomyTermView(term.id.toString(), term.code, term.name, term.description,
                term.parentId == null ? null : term.parentId.toString(), term.taxonomy.name, term.taxonomy.id.toString(),
                TaxonomyView.of(term.taxonomy));
    }
}
