package org.linkwork.directory.taxonomies;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** HSDS 3 {@code taxonomy} as the ORUK API returns it. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TaxonomyView(String id, String name, String description, String uri, String version) {

    public static TaxonomyView of(Taxonomy taxonomy) {
        return new TaxonomyView(taxonomy.id.toString(), taxonomy.name, taxonomy.description, taxonomy.uri, taxonomy.version);
    }
}
