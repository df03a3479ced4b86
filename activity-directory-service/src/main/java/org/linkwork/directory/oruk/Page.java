package org.linkwork.directory.oruk;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** The ORUK paginated envelope; {@code page_number} counts from 1. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
        boolean empty, List<T> contents) {

    public static <T> Page<T> of(List<T> contents, long totalItems, Paging paging) {
        int totalPages = (int) ((totalItems + paging.perPage() - 1) / paging.perPage());
        return new Page<>(totalItems, totalPages, paging.page(), contents.size(), paging.page() == 1,
                paging.page() >= totalPages, contents.isEmpty(), contents);
    }

    /** The requested page of a Panache query, each entity as its view. */
    public static <E, T> Page<T> of(PanacheQuery<E> query, Paging paging, Function<E, T> view) {
        return of(query.page(paging.page() - 1, paging.perPage()).stream().map(view).toList(), query.count(), paging);
    }
}
