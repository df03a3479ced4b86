package org.linkwork.directory.oruk;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** The ORUK paginated envelope; {@code page_number} counts from 1. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record Page<T>(long totalItems, int totalPages, int pageNumber, int size, boolean firstPage, boolean lastPage,
        boolean empty, List<T> contents) {

    public static <T> Page<T> of(List<T> contents, long totalItems, int pageNumber, int perPage) {
        int totalPages = (int) ((totalItems + perPage - 1) / perPage);
        return new Page<>(totalItems, totalPages, pageNumber, contents.size(), pageNumber == 1,
                pageNumber >= totalPages, contents.isEmpty(), contents);
    }

    public <R> Page<R> map(Function<T, R> view) {
        return new Page<>(totalItems, totalPages, pageNumber, size, firstPage, lastPage, empty, contents.stream().map(view).toList());
    }
}
