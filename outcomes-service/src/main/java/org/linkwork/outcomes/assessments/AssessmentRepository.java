package org.linkwork.outcomes.assessments;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.linkwork.outcomes.instruments.Instrument;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    public List<Assessment> ofCase(UUID caseId) {
        return list("caseId", Sort.by("completedAt").and("recordedAt"), caseId);
    }

    /** One score of an assessment, as the reports need it: no answers, and no managed entity. */
    public record ScoreOf(UUID assessmentId, UUID caseId, Instrument instrument, Timepoint timepoint,
            OffsetDateTime completedAt, String measure, BigDecimal value) {
    }

    /**
     * The scores of every assessment of the cases with a follow-up (not a baseline) completed in [from, to), as
     * values: a region's year of assessments with their answers does not fit a service's heap as entities.
     */
    public List<ScoreOf> scoresOfCasesFollowedUpBetween(OffsetDateTime from, OffsetDateTime to) {
        return getEntityManager().createQuery("""
                SELECT new org.linkwork.outcomes.assessments.AssessmentRepository$ScoreOf(a.id, a.caseId, a.instrument,
                  a.timepoint, a.completedAt, s.measure, s.value)
                FROM Assessment a JOIN a.scores s
                WHERE a.caseId IN (SELECT f.caseId FROM Assessment f
                  WHERE f.timepoint <> :baseline AND f.completedAt >= :from AND f.completedAt < :to)""", ScoreOf.class)
                .setParameter("baseline", Timepoint.BASELINE).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }
}
