package org.linkwork.outcomes.gp;

import java.time.OffsetDateTime;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.outcomes.journeys.CaseRecord;

@Schema(name = "GpAttendance", description = """
        GP appointments the practice reported for the 6 months before the referral and the 6 months after the case \
        closed. Null until reported.""")
public record GpAttendanceView(
        @Schema(description = "GP appointments in the 6 months before referral", example = "9") Integer appointmentsBefore,
        @Schema(description = "GP appointments in the 6 months after case closure", example = "4") Integer appointmentsAfter,
        @Schema(description = "after - before, when both are known (negative = fewer GP appointments)", example = "-5")
        Integer change,
        @Schema(description = "When the case closed, from caseload-service's events; null while open") OffsetDateTime caseClosedAt,
        @Schema(description = "When the counts were last recorded") OffsetDateTime recordedAt) {

    public static GpAttendanceView of(CaseRecord kase) {
        if (kase == null) {
            return new GpAttendanceView(null, null, null, null, null);
        }
        Integer before = kase.gpAppointmentsBefore;
        Integer after = kase.gpAppointmentsAfter;
        return new GpAttendanceView(before, after, before != null && after != null ? after - before : null, kase.closedAt,
                kase.gpAttendanceRecordedAt);
    }
}
