package org.linkwork.caseload.cases;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ContactRepository implements PanacheRepositoryBase<Contact, UUID> {

    public List<Contact> ofCase(UUID caseId) {
        return list("caseRecord.id", Sort.by("at"), caseId);
    }

    public Optional<OffsetDateTime> lastAt(UUID caseId) {
        return find("caseRecord.id", Sort.descending("at"), caseId).firstResultOptional().map(c -> c.at);
    }
}
