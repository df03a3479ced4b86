package org.linkwork.outcomes.workforce;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class LinkWorkerRecordRepository implements PanacheRepositoryBase<LinkWorkerRecord, UUID> {

    /** Active link workers, of one PCN or (null) of all. */
    public List<LinkWorkerRecord> active(String pcnCode) {
        return pcnCode == null ? list("active = true") : list("active = true AND pcnCode = ?1", pcnCode);
    }
}
