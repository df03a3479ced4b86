package org.linkwork.outcomes.assessments;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.outcomes.gp.GpAttendanceView;
import org.linkwork.outcomes.instruments.InvalidAnswerException;
import org.linkwork.outcomes.instruments.Score;
import org.linkwork.outcomes.journeys.CaseRecordRepository;
import org.linkwork.platform.problem.ProblemException;

/** Records scored assessments and works out each instrument's change from baseline for a case. */
@ApplicationScoped
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final CaseOwnerRepository owners;
    private final CaseRecordRepository cases;
    private final Event<AssessmentRecorded> recorded;

    AssessmentService(AssessmentRepository assessments, CaseOwnerRepository owners, CaseRecordRepository cases,
            Event<AssessmentRecorded> recorded) {
        this.assessments = assessments;
        this.owners = owners;
        this.cases = cases;
        this.recorded = recorded;
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
        request.instrument().items
                .forEach(item -> assessment.answers.put(item, request.answers().get(item).intValueExact()));
        assessment.scores.addAll(scores);
        assessments.persist(assessment);
        recorded.fire(new AssessmentRecorded(assessment.id, assessment.caseId,
                owners.findById(assessment.caseId).referralId, assessment.instrument, assessment.timepoint,
                assessment.completedAt, assessment.recordedAt, recordedBy, assessment.scores));
        return assessment;
    }

    @Transactional
    public Assessment find(UUID id) {
        return assessments.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Assessment " + id));
    }

    @Transactional
    public CaseOutcomesView forCase(UUID caseId) {
        List<Assessment> ofCase = assessments.ofCase(caseId);
        return new CaseOutcomesView(caseId, ofCase.stream().map(AssessmentView::of).toList(),
                ChangeFromBaseline.of(ofCase), GpAttendanceView.of(cases.findById(caseId)));
    }
}
