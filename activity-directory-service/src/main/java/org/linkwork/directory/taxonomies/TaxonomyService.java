package org.linkwork.directory.taxonomies;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;
import org.linkwork.platform.problem.ProblemException;

import io.quarkus.panache.common.Sort;

/** Reading the vocabularies services are classified by. */
@ApplicationScoped
public class TaxonomyService {

    private final TaxonomyRepository taxonomies;
    private final TaxonomyTermRepository terms;

    TaxonomyService(TaxonomyRepository taxonomies, TaxonomyTermRepository terms) {
        this.taxonomies = taxonomies;
        this.terms = terms;
    }

    @Transactional
    public Page<TaxonomyView> taxonomies(Paging paging) {
        return Page.of(taxonomies.findAll(Sort.by("name").and("id")), paging, TaxonomyView::of);
    }

    @Transactional
    public TaxonomyView taxonomy(UUID id) {
        return taxonomies.findByIdOptional(id).map(TaxonomyView::of).orElseThrow(() -> ProblemException.notFound("Taxonomy " + id));
    }

    @Transactional
    public Page<TaxonomyTermView> terms(UUID taxonomyId, UUID parentId, Paging paging) {
        return Page.of(terms.find(taxonomyId, parentId), paging, TaxonomyTermView::of);
    }

    @Transactional
    public TaxonomyTermView term(UUID id) {
        return terms.findByIdOptional(id).map(TaxonomyTermView::of).orElseThrow(() -> ProblemException.notFound("Taxonomy term " + id));
    }
}
