package org.linkwork.outcomes.gp;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.journeys.CaseRecord;
import org.linkwork.outcomes.journeys.JourneyService;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/** The practice-reported GP appointments of a case, kept on its record in the read model. */
@ApplicationScoped
public class GpAttendanceService {

    private final JourneyService journeys;

    GpAttendanceService(JourneyService journeys) {
        this.journeys = journeys;
    }

    /** Replaces the counts recorded; {@code appointmentsAfter} only once the case is closed (409 before). */
    @Transactional
    public GpAttendanceView record(UUID caseId, GpAttendanceRequest request) {
        Integer before = count("appointmentsBefore", request.appointmentsBefore());
        Integer after = count("appointmentsAfter", request.appointmentsAfter());
        // A record started here is rolled back with the 409.
        CaseRecord kase = journeys.caseRecord(caseId);
        if (after != null && kase.closedAt == null) {
            throw new ProblemException(Problem.of(409, "Conflict",
                    "appointmentsAfter: the case is not closed; the 6 months after closure cannot be counted yet")
                    .withErrors(List.of(new Problem.FieldError("appointmentsAfter", "the case is not closed yet"))));
        }
        kase.gpAppointmentsBefore = before;
        kase.gpAppointmentsAfter = after;
        kase.gpAttendanceRecordedAt = OffsetDateTime.now(ZoneOffset.UTC);
        journeys.gpAttendanceRecorded(kase);
        return GpAttendanceView.of(kase);
    }

    private static Integer count(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0) {
            throw ProblemException.unprocessable(field, "must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 0) {
            throw ProblemException.unprocessable(field, "must be a whole number");
        }
        if (value.compareTo(BigDecimal.valueOf(GpAttendanceRequest.MAXIMUM)) > 0) {
            throw ProblemException.unprocessable(field, "must be at most " + GpAttendanceRequest.MAXIMUM);
        }
        return value.intValueExact();
    }
}
