package org.linkwork.directory.taxonomy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS 3 {@code taxonomy} and {@code taxonomy_term} as the ORUK API returns them. */
public final class TaxonomyViews {

    private TaxonomyViews() {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyView(String id, String name, String description, String uri, String version) {

        public static TaxonomyView of(Taxonomy taxonomy) {
            return new TaxonomyView(taxonomy.id.toString(), taxonomy.name, taxonomy.description, taxonomy.uri,
                    taxonomy.version);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyTermView(String id, String code, String name, String description, String parentId,
            String taxonomy, String taxonomyId, TaxonomyView taxonomyDetail) {

        public static TaxonomyTermView of(TaxonomyTerm term) {
            return new TaxonomyTermView(term.id.toString(), term.code, term.name, term.description,
                    term.parentId == null ? null : term.parentId.toString(), term.taxonomy.name,
                    term.taxonomy.id.toString(), TaxonomyView.of(term.taxonomy));
        }
    }
}
