package org.linkwork.outcomes.assessments;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.outcomes.gp.GpAttendanceView;

@Schema(name = "CaseOutcomes", description = "Every assessment of a case and, per instrument, the change from baseline")
public record CaseOutcomesView(UUID caseId,
        @Schema(description = "Oldest first by completion time") List<AssessmentView> assessments,
        @Schema(description = """
                One entry per instrument that has a BASELINE and a later REVIEW or DISCHARGE: the first baseline \
                compared with the latest follow-up. Instruments without both are absent.""")
        List<ChangeFromBaseline.Result> changes,
        @Schema(description = "GP appointments before referral and after closure, as the practice reported them")
        GpAttendanceView gpAttendance) {
}
