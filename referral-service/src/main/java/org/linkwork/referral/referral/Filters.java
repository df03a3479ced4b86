package org.linkwork.referral.referral;

import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The optional filters of a search: each condition counts only when its value was given. */
public final class Filters {

    private final List<String> where = new ArrayList<>();
    private final Parameters params = new Parameters();

    /** @param condition HQL naming the value {@code :name} */
    public Filters and(String condition, String name, Object value) {
        if (value != null) {
            where.add(condition);
            params.and(name, value);
        }
        return this;
    }

    /** A further value for the condition last added, which names more than one. */
    public Filters withParameter(String name, Object value) {
        params.and(name, value);
        return this;
    }

    public <T> PanacheQuery<T> find(PanacheRepositoryBase<T, ?> repository, Sort sort) {
        return repository.find(String.join(" AND ", where), sort, params);
    }
}
