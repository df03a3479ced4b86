package org.linkwork.outcomes.gp;

import java.math.BigDecimal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "GpAttendanceRequest", description = """
        The practice-reported GP appointment counts; replaces what was recorded before (omit a count not yet known). \
        Whole numbers from 0 to\s""" + GpAttendanceRequest.MAXIMUM + ".")
public record GpAttendanceRequest(
        @Schema(description = "GP appointments in the 6 months before referral", minimum = "0", maximum = "200", example = "9")
        BigDecimal appointmentsBefore,
        @Schema(description = "GP appointments in the 6 months after case closure; only once the case is closed",
                minimum = "0", maximum = "200", example = "4")
        BigDecimal appointmentsAfter) {

    /** More than daily appointments for half a year is a typing error, not a patient. */
    static final int MAXIMUM = 200;
}
