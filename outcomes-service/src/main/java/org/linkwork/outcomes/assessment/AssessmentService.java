package org.linkwork.outcomes.assessment;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.gp.GpAttendance;
import org.linkwork.outcomes.instrument.Instrument;
import org.linkwork.outcomes.instrument.InvalidAnswerException;
import org.linkwork.outcomes.instrument.Score;
import org.linkwork.outcomes.readmodel.CaseRecord;
import org.linkwork.platform.problem.ProblemException;

/** Records scored assessments and works out each instrument's change from baseline for a case. */
@ApplicationScoped
public class AssessmentService {

    private final EntityManager entityManager;
    private final AssessmentEvents events;

    AssessmentService(EntityManager entityManager, AssessmentEvents events) {
        this.entityManager = entityManager;
        this.events = events;
    }

    /**
     * Scores before storing, so an incomplete or out-of-range questionnaire leaves nothing behind; the events are
     * queued in the same transaction, so they exist exactly when the assessment does.
     */
    @Transactional
    public Assessment record(AssessmentRequest request, String recordedBy) {
        List<Score> scores;
        try {
            scores = request.instrument().score(request.answers());
        } catch (InvalidAnswerException invalid) {
            throw ProblemException.unprocessable("answers." + invalid.item(), invalid.reason());
        }
        Assessment assessment = new Assessment();
        assessment.id = UUID.randomUUID();
        assessment.caseId = request.caseId();
        assessment.instrument = request.instrument();
        assessment.timepoint = request.timepoint();
        assessment.completedAt = request.completedAt();
        assessment.recordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        request.instrument().items().forEach(item -> assessment.answers.put(item, request.answers().get(item).intValueExact()));
        scores.forEach(score -> assessment.scores.add(Assessment.StoredScore.of(score)));
        entityManager.persist(assessment);
        events.recorded(assessment, recordedBy);
        return assessment;
    }

    @Transactional
    public Assessment find(UUID id) {
        Assessment assessment = entityManager.find(Assessment.class, id);
        if (assessment == null) {
            throw ProblemException.notFound("Assessment " + id);
        }
        return assessment;
    }

    @Transactional
    public CaseOutcomes forCase(UUID caseId) {
        List<Assessment> assessments = entityManager.createQuery(
                "FROM Assessment a WHERE a.caseId = :c ORDER BY a.completedAt, a.recordedAt", Assessment.class)
                .setParameter("c", caseId).getResultList();
        List<ChangeFromBaseline.Result> changes = Arrays.stream(Instrument.values())
                .map(instrument -> ChangeFromBaseline.of(instrument, assessments.stream()
                        .filter(a -> a.instrument == instrument)
                        .map(a -> new ChangeFromBaseline.Taken(a.timepoint, a.completedAt, a.scoreList()))
                        .toList()))
                .flatMap(Optional::stream).toList();
        return new CaseOutcomes(caseId, assessments.stream().map(AssessmentResponse::of).toList(), changes,
                GpAttendance.of(entityManager.find(CaseRecord.class, caseId)));
    }
}
