package org.linkwork.outcomes.reports;

import java.util.Locale;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.outcomes.access.OutcomeAccess;
import org.linkwork.outcomes.reports.MonthlyReportView.Grouping;
import org.linkwork.outcomes.workforce.WorkforceService;
import org.linkwork.outcomes.workforce.WorkforceView;
import org.linkwork.platform.audit.AuditRecord.Outcome;
import org.linkwork.platform.audit.AuditTrail;
import org.linkwork.platform.disclosure.ReportingPeriod;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;
import org.linkwork.platform.security.Roles;


@Path("/reports")
@Tag(name = "ICS reports", description = "Aggregates for the ICS and PCN coordinators, with small-number suppression")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.ICS_ANALYST, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = """
        Not an ICS analyst or coordinator, or a coordinator asking for another PCN than the one in their `pcn` claim""",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class ReportResource {

    static final String CSV = "text/csv";
    static final String JSON_EXAMPLE = """
            {"from":"2026-03","to":"2026-03","by":"PCN","pcnCode":"U84543","odsCode":null,
             "generatedAt":"2026-11-25T10:00:00Z","suppression":"Any count from 1 to 7 is suppressed ...",
             "rows":[{"month":"2026-03","pcnCode":"U84543","odsCode":null,
               "referralsReceived":{"value":12,"suppressed":false},"referralsAccepted":{"value":10,"suppressed":false},
               "referralsRejected":{"value":null,"suppressed":true},"firstContacts":{"value":9,"suppressed":false},
               "medianDaysToFirstContact":{"value":6.5,"suppressed":false},
               "p90DaysToFirstContact":{"value":13.0,"suppressed":false},"contactsHeld":{"value":31,"suppressed":false},
               "contactsDidNotAttend":{"value":null,"suppressed":true},"dnaRate":{"value":null,"suppressed":true},
               "activitiesPrescribed":{"value":14,"suppressed":false},"casesClosed":{"value":0,"suppressed":false},
               "casesClosedByReason":{},
               "wellbeing":[{"instrument":"SWEMWBS","measure":"metric","people":{"value":8,"suppressed":false},
                 "meanChange":{"value":3.12,"suppressed":false},"shareImproved":{"value":null,"suppressed":true}}],
               "gpAttendance":{"cases":{"value":0,"suppressed":false},"meanBefore":{"value":null,"suppressed":false},
                 "meanAfter":{"value":null,"suppressed":false},"meanChange":{"value":null,"suppressed":false}}}]}""";

    static final String CSV_EXAMPLE = """
            month,pcnCode,odsCode,measure,value
            2026-03,U84543,,referralsReceived,12
            2026-03,U84543,,referralsRejected,*
            2026-03,U84543,,medianDaysToFirstContact,6.5
            2026-03,U84543,,gpAttendance.meanBefore,
            """;

    private final ReportService reports;
    private final ReachReport reach;
    private final PrescriptionsReport prescriptions;
    private final WorkforceService workforce;
    private final OutcomeAccess access;
    private final AuditTrail audit;

    ReportResource(ReportService reports, ReachReport reach, PrescriptionsReport prescriptions,
            WorkforceService workforce, OutcomeAccess access, AuditTrail audit) {
        this.reports = reports;
        this.reach = reach;
        this.prescriptions = prescriptions;
        this.workforce = workforce;
        this.access = access;
        this.audit = audit;
    }

    @GET
    @Path("/monthly")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(operationId = "getMonthlyReport", summary = "Monthly activity and outcomes by PCN or practice", description = """
            Per calendar month (Europe/London) and PCN (`by=PCN`) or practice (`by=PRACTICE`): referrals received, \
            accepted and rejected; cases with a first attended contact and the median days from referral to it; \
            contacts held and did-not-attend with the DNA rate; activities prescribed; cases closed, in all and per \
            reason; per instrument measure the people with a change from baseline, its mean and the share improved \
            beyond the meaningful-change threshold; GP appointments before referral and after closure. Built from \
            referral-service's and caseload-service's events and the assessments recorded here; a practice's PCN is \
            learnt from its cases' events.

            **Small-number suppression:** any count from 1 to 7 is withheld (value null, `suppressed` true; `*` in \
            CSV), and so is every rate, share, mean or median worked out from such a count; 0 is shown.

            JSON, or CSV with `Accept: text/csv` (one figure per line: `month,pcnCode,odsCode,measure,value`). An ICS \
            analyst sees every PCN; a coordinator only the PCN in their `pcn` claim. Months default to the 12 up to \
            the current one; at most 60.""")
    @APIResponse(responseCode = "200", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MonthlyReportView.class),
                    examples = @ExampleObject(name = "One PCN, one month", value = JSON_EXAMPLE)),
            @Content(mediaType = CSV, schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING),
                    examples = @ExampleObject(name = "CSV", value = CSV_EXAMPLE)) })
    @APIResponse(responseCode = "400", description = "A parameter malformed, named in `errors`", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "`to` before `from`, or more than 60 months", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response monthly(
            @Parameter(description = "First month, YYYY-MM; default 11 months before `to`", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM; default the current month", example = "2026-12") @QueryParam("to") String to,
            @Parameter(description = "PCN (default) or PRACTICE", example = "PRACTICE") @QueryParam("by") String by,
            @Parameter(description = "Only this PCN (a coordinator: their own, the default)", example = "U84543") @QueryParam("pcn") String pcn,
            @Parameter(description = "Only this practice (ODS code)", example = "B86043") @QueryParam("ods") String ods,
            @Context HttpHeaders headers) {
        ReportingPeriod months = ReportingPeriod.of(from, to);
        Grouping grouping = grouping(by);
        if (ods != null && !ods.matches("[A-Z0-9]{3,6}")) {
            throw ProblemException.badRequest("ods", "must be a practice ODS code (3-6 capital letters or digits)");
        }
        checkPcn(pcn);
        String scope = access.reportScope(pcn, "report.monthly.read");
        MonthlyReportView report = reports.monthly(new ReportService.Query(months, grouping, scope, ods));
        audit.record("report.monthly.read", "Report", grouping + (scope == null ? "" : ":" + scope), null, Outcome.SUCCESS);
        return wantsCsv(headers)
                ? Response.ok(ReportCsv.of(report), CSV + ";charset=UTF-8").build()
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }

    @GET
    @Path("/reach")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getReachReport", summary = "Who the referrals reached, by PCN and sex, ethnic group, age band or deprivation", description = """
            Referrals received in the months asked for, per PCN and per category of one split: `SEX` (as the referrer \
            coded it), `ETHNIC_GROUP` (the NHS ethnic category's broad groups), `AGE_BAND` (age on the day received) \
            or `IMD_DECILE` (English IMD 2019 decile of the home's LSOA, 1 most deprived); `NOT_RECORDED` when the \
            referrer did not send the item. Suppressed as one table of every PCN: counts 1-7 withheld, and further \
            counts until none can be worked out from the rows, the PCN totals and the totals per category. An ICS \
            analyst sees every PCN and the region's totals; a coordinator their own PCN's row.""")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ReachReportView.class), examples = @ExampleObject(name = "By sex, every PCN", value = """
                    {"from":"2026-01","to":"2026-12","by":"SEX","pcnCode":null,"generatedAt":"2026-12-04T10:00:00Z",
                     "suppression":"Any count from 1 to 7 is suppressed ...",
                     "categories":["MALE","FEMALE","INDETERMINATE","NOT_KNOWN","NOT_RECORDED"],
                     "rows":[{"pcnCode":"U84543","referralsReceived":{"MALE":{"value":212,"suppressed":false},
                      "FEMALE":{"value":305,"suppressed":false},"INDETERMINATE":{"value":null,"suppressed":true},
                      "NOT_KNOWN":{"value":null,"suppressed":true},"NOT_RECORDED":{"value":40,"suppressed":false}},
                      "total":{"value":563,"suppressed":false}}],
                     "total":{"pcnCode":null,"referralsReceived":{"MALE":{"value":212,"suppressed":false},
                      "FEMALE":{"value":305,"suppressed":false},"INDETERMINATE":{"value":null,"suppressed":true},
                      "NOT_KNOWN":{"value":null,"suppressed":true},"NOT_RECORDED":{"value":40,"suppressed":false}},
                      "total":{"value":563,"suppressed":false}}}""")))
    @APIResponse(responseCode = "400", description = "A parameter malformed, named in `errors`", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "`to` before `from`, or more than 60 months", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public ReachReportView reach(
            @Parameter(description = "First month, YYYY-MM; default 11 months before `to`", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM; default the current month", example = "2026-12") @QueryParam("to") String to,
            @Parameter(description = "SEX, ETHNIC_GROUP, AGE_BAND or IMD_DECILE", required = true, example = "IMD_DECILE") @QueryParam("by") String by,
            @Parameter(description = "Only this PCN (a coordinator: their own, the default)", example = "U84543") @QueryParam("pcn") String pcn) {
        ReportingPeriod months = ReportingPeriod.of(from, to);
        ReachReportView.Split split = split(by);
        checkPcn(pcn);
        String scope = access.reportScope(pcn, "report.reach.read");
        ReachReportView report = reach.of(months, split, scope);
        audit.record("report.reach.read", "Report", split + (scope == null ? "" : ":" + scope), null, Outcome.SUCCESS);
        return report;
    }

    @GET
    @Path("/prescriptions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPrescriptionsReport", summary = "Social prescriptions by PCN and kind of activity (taxonomy term)", description = """
            Social prescriptions (activities) the patients accepted in the months asked for (Europe/London, by when \
            accepted), per PCN and per taxonomy term of the service prescribed: the activity directory's codes as \
            caseload-service sent them, e.g. `walking`, `peer-support`. `NOT_RECORDED` counts prescriptions whose \
            terms are not known (announced before caseload-service sent terms) or whose service the directory gave \
            no term. **The cells count term mentions:** a prescription of a service with two terms counts under \
            each, so a row's total is the sum of its cells, not the number of prescriptions (that is the monthly \
            report's `activitiesPrescribed`). `terms` lists the codes prescribed in the period, sorted, then \
            `NOT_RECORDED`. Suppressed as one table of every PCN: counts 1-7 withheld, and further counts until none \
            can be worked out from the rows, the PCN totals and the totals per term. An ICS analyst sees every PCN \
            and the region's totals; a coordinator their own PCN's row.""")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PrescriptionsReportView.class), examples = @ExampleObject(name = "Every PCN", value = """
                    {"from":"2026-01","to":"2026-12","pcnCode":null,"generatedAt":"2026-12-04T10:00:00Z",
                     "suppression":"Any count from 1 to 7 is suppressed ...",
                     "terms":["gardening","peer-support","walking","NOT_RECORDED"],
                     "rows":[{"pcnCode":"U84543","activitiesPrescribed":{"gardening":{"value":null,"suppressed":true},
                      "peer-support":{"value":58,"suppressed":false},"walking":{"value":102,"suppressed":false},
                      "NOT_RECORDED":{"value":null,"suppressed":true}},"total":{"value":null,"suppressed":true}},
                      {"pcnCode":"U12345","activitiesPrescribed":{"gardening":{"value":0,"suppressed":false},
                      "peer-support":{"value":31,"suppressed":false},"walking":{"value":47,"suppressed":false},
                      "NOT_RECORDED":{"value":12,"suppressed":false}},"total":{"value":90,"suppressed":false}}],
                     "total":{"pcnCode":null,"activitiesPrescribed":{"gardening":{"value":null,"suppressed":true},
                      "peer-support":{"value":89,"suppressed":false},"walking":{"value":149,"suppressed":false},
                      "NOT_RECORDED":{"value":null,"suppressed":true}},"total":{"value":null,"suppressed":true}}}""")))
    @APIResponse(responseCode = "400", description = "A parameter malformed, named in `errors`", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "`to` before `from`, or more than 60 months", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public PrescriptionsReportView prescriptions(
            @Parameter(description = "First month, YYYY-MM; default 11 months before `to`", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM; default the current month", example = "2026-12") @QueryParam("to") String to,
            @Parameter(description = "Only this PCN (a coordinator: their own, the default)", example = "U84543") @QueryParam("pcn") String pcn) {
        ReportingPeriod months = ReportingPeriod.of(from, to);
        checkPcn(pcn);
        String scope = access.reportScope(pcn, "report.prescriptions.read");
        PrescriptionsReportView report = prescriptions.of(months, scope);
        audit.record("report.prescriptions.read", "Report", scope == null ? "ALL" : scope, null, Outcome.SUCCESS);
        return report;
    }

    @GET
    @Path("/workforce")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getWorkforceReport", summary = "Link-worker capacity against demand per PCN", description = """
            Per PCN: the active link workers and their FTE (from caseload-service's link-worker events), the open \
            caseload, the people whose case began in the last 12 months, and those people per FTE against NHS \
            England's guidance of 200-250 a year (BELOW, WITHIN, ABOVE). Patient counts are suppressed as in the \
            monthly report (1-7 withheld, with the figures worked out from them); staff numbers are shown. An ICS \
            analyst sees every PCN; a coordinator only their own.""")
    @APIResponse(responseCode = "200", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WorkforceView.class), examples = @ExampleObject(name = "One PCN", value = """
                    {"generatedAt":"2026-12-03T10:00:00Z","yearFrom":"2025-12-03T10:00:00Z","guidanceLow":200,
                     "guidanceHigh":250,"pcns":[{"pcnCode":"U84543","linkWorkers":3,"fte":2.60,
                     "openCases":{"value":118,"suppressed":false},"peopleInYear":{"value":604,"suppressed":false},
                     "peoplePerFte":{"value":232.3,"suppressed":false},"againstGuidance":"WITHIN"}]}""")))
    @APIResponse(responseCode = "400", description = "`pcn` malformed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public WorkforceView workforce(
            @Parameter(description = "Only this PCN (a coordinator: their own, the default)", example = "U84543") @QueryParam("pcn") String pcn) {
        checkPcn(pcn);
        String scope = access.reportScope(pcn, "report.workforce.read");
        WorkforceView report = workforce.report(scope);
        audit.record("report.workforce.read", "Report", scope == null ? "ALL" : scope, null, Outcome.SUCCESS);
        return report;
    }

    private static void checkPcn(String pcn) {
        if (pcn != null && !pcn.matches("[A-Za-z0-9]{1,10}")) {
            throw ProblemException.badRequest("pcn", "must be a PCN code (1-10 letters or digits)");
        }
    }

    private static Grouping grouping(String by) {
        if (by == null) {
            return Grouping.PCN;
        }
        try {
            return Grouping.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("by", "must be PCN or PRACTICE");
        }
    }

    private static ReachReportView.Split split(String by) {
        if (by == null) {
            throw ProblemException.badRequest("by", "is required: SEX, ETHNIC_GROUP, AGE_BAND or IMD_DECILE");
        }
        try {
            return ReachReportView.Split.valueOf(by.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("by", "must be SEX, ETHNIC_GROUP, AGE_BAND or IMD_DECILE");
        }
    }

    /** CSV only when asked for ahead of JSON: a client that accepts anything gets JSON. */
    private static boolean wantsCsv(HttpHeaders headers) {
        MediaType csv = MediaType.valueOf(CSV);
        for (MediaType acceptable : headers.getAcceptableMediaTypes()) {
            if (acceptable.isWildcardType() || acceptable.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                return false;
            }
            if (acceptable.isCompatible(csv)) {
                return true;
            }
        }
        return false;
    }
}
