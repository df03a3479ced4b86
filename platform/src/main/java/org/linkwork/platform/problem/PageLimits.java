package org.linkwork.platform.problem;

/**
 * How deep a list can be paged. Without a bound, {@code page * size} overflows an int (a negative
 * offset, a 500) and a huge offset makes the database walk the whole table for nothing.
 */
public final class PageLimits {

    /** The most items a list skips to reach a page; beyond it, narrow the search instead. */
    public static final int MAX_OFFSET = 1_000_000;

    private PageLimits() {
    }

    /**
     * The first item of a page, counted from 0.
     *
     * @param pageParameter the query parameter named in the 400 when the page is too deep
     * @param pageIndex     the page, counted from 0
     */
    public static int firstResult(String pageParameter, int pageIndex, int size) {
        long offset = (long) pageIndex * size;
        if (offset > MAX_OFFSET) {
            throw ProblemException.badRequest(pageParameter,
                    "is too deep: a list skips at most " + MAX_OFFSET + " items; narrow the search instead");
        }
        return (int) offset;
    }
}
