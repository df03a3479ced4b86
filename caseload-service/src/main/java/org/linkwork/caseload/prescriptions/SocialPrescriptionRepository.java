package org.linkwork.caseload.prescriptions;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SocialPrescriptionRepository implements PanacheRepositoryBase<SocialPrescription, UUID> {

    public List<SocialPrescription> ofCase(UUID caseId) {
        return list("caseRecord.id", Sort.by("createdAt").and("id"), caseId);
    }
}
