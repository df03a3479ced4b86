package org.linkwork.outcomes.assessments;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public List<Assessment> ofCase(UUID caseId) {
        return list("caseId", Sort.by("completedAt").and("recordedAt"), caseId);
    }

    /** Every assessment of the cases with a follow-up (not a baseline) completed in [from, to). */
    public List<Assessment> ofCasesFollowedUpBetween(OffsetDateTime from, OffsetDateTime to) {
        return list("""
                caseId IN (SELECT f.caseId FROM Assessment f
                  WHERE f.timepoint <> ?1 AND f.completedAt >= ?2 AND f.completedAt < ?3)""",
                Timepoint.BASELINE, from, to);
    }
}
