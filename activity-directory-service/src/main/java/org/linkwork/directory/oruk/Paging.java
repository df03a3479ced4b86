package org.linkwork.directory.oruk;

import org.linkwork.platform.problem.PageLimits;
import org.linkwork.platform.problem.ProblemException;

/** ORUK {@code page} and {@code per_page}, checked here so the problem names the query parameter. */
public record Paging(int page, int perPage) {

    public static final int MAX_PER_PAGE = 200;

    public static Paging of(Integer page, Integer perPage) {
        int p = page == null ? 1 : page;
        int size = perPage == null ? 50 : perPage;
        if (p < 1) {
            throw ProblemException.badRequest("page", "must be 1 or more");
        }
        if (size < 1 || size > MAX_PER_PAGE) {
            throw ProblemException.badRequest("per_page", "must be between 1 and " + MAX_PER_PAGE);
        }
        PageLimits.firstResult("page", p - 1, size);
        return new Paging(p, size);
    }
}
