package org.linkwork.outcomes.assessments;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.outcomes.access.OutcomeAccess;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;

@Path("/outcomes")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Wellbeing assessments", description = "ONS4, SWEMWBS and UCLA-3 loneliness, scored as published")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.LINK_WORKER, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here: ICS analysts see reports only")
@APIResponse(responseCode = "404", description = "Case unknown here (its assignment not yet received) or not the caller's",
        content = @Content(mediaType = Problem.MEDIA_TYPE))
public class AssessmentResource {

    static final String SCORING = """
            **Scoring.** ONS4 personal well-being: each item 0-10 is reported on its own (never summed) with the ONS \
            threshold band: life satisfaction, worthwhile, happiness 0-4 LOW, 5-6 MEDIUM, 7-8 HIGH, 9-10 VERY_HIGH; \
            anxiety 0-1 VERY_LOW, 2-3 LOW, 4-5 MEDIUM, 6-10 HIGH (Office for National Statistics, Personal \
            well-being in the UK and its threshold guidance). SWEMWBS: seven items 1-5, raw total 7-35 converted to the metric score with the \
            Rasch raw-to-metric conversion table of NHS Health Scotland / University of Warwick (WEMWBS user guide); \
            both are kept. UCLA-3 loneliness (Hughes et al., Research on Aging 2004; ONS national loneliness \
            indicator): three items 1-3, total 3-9, 6 or more = LONELY (a convention, not an ONS-published \
            cut-off).""";

    static final String THRESHOLDS = """
            **Meaningful change** (per person, first BASELINE to the latest later REVIEW or DISCHARGE; \
            `meetsThreshold` when the absolute change reaches the threshold, `direction` IMPROVED or WORSENED \
            accordingly): \
            SWEMWBS metric score: 3 points. Shah, Cader, Andrews, McCabe, Stewart-Brown, "Responsiveness of the \
            Short Warwick Edinburgh Mental Well-Being Scale (SWEMWBS): evaluation a clinical sample", Health and \
            Quality of Life Outcomes 16:239 (2018) found 1 to 3 points statistically important at individual level \
            depending on the standard (2.77 SEM = 2.87 points); the stricter end is used. \
            ONS4: 1 point on each item, chosen: ONS publishes no individual meaningful-change threshold for its \
            personal well-being questions, and 1 point is the smallest change the 0-10 scale records; a fall in \
            anxiety is an improvement. \
            UCLA-3: 1 point on the total, chosen: no minimal important change is published for the three-item \
            scale; 1 point is one answer moving one step; a fall is an improvement.""";

    static final String EXAMPLE = """
            {"caseId":"5f0c6c3e-8a53-4c7e-9d7e-0b6f3d1c2a11","instrument":"SWEMWBS","timepoint":"BASELINE",
             "answers":{"optimistic":2,"useful":3,"relaxed":2,"dealingWithProblems":3,"thinkingClearly":3,
                        "closeToOthers":2,"ownMind":4},
             "completedAt":"2026-11-20T10:15:00Z"}""";

    static final String ONS4_EXAMPLE = """
            {"caseId":"5f0c6c3e-8a53-4c7e-9d7e-0b6f3d1c2a11","instrument":"ONS4","timepoint":"REVIEW",
             "answers":{"lifeSatisfaction":6,"worthwhile":7,"happiness":5,"anxiety":4},
             "completedAt":"2027-02-20T10:15:00Z"}""";

    static final String UCLA3_EXAMPLE = """
            {"caseId":"5f0c6c3e-8a53-4c7e-9d7e-0b6f3d1c2a11","instrument":"UCLA3","timepoint":"DISCHARGE",
             "answers":{"lackCompanionship":2,"leftOut":1,"isolated":2},
             "completedAt":"2027-05-20T10:15:00Z"}""";

    private final AssessmentService assessments;
    private final OutcomeAccess access;

    AssessmentResource(AssessmentService assessments, OutcomeAccess access) {
        this.assessments = assessments;
        this.access = access;
    }

    @POST
    @Path("/assessments")
    @Operation(operationId = "recordAssessment", summary = "Record a completed wellbeing assessment", description = """
            Scores the answers and stores the assessment with its scores. Every item must be answered with a whole \
            number in the item's range; otherwise 422 naming the item (`errors[0].field`, e.g. \
            `answers.relaxed`) and nothing is stored. A link worker for their own cases, a coordinator for their PCN's.

            """ + SCORING)
    @RequestBody(content = @Content(schema = @Schema(implementation = AssessmentRequest.class), examples = {
            @ExampleObject(name = "SWEMWBS baseline", value = EXAMPLE),
            @ExampleObject(name = "ONS4 review", value = ONS4_EXAMPLE),
            @ExampleObject(name = "UCLA-3 at discharge", value = UCLA3_EXAMPLE) }))
    @APIResponse(responseCode = "201", description = "Stored, with its scores",
            content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "400", description = "Malformed JSON or a missing/invalid field, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "An item missing, unknown, not a whole number or out of range",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response record(@NotNull @Valid AssessmentRequest request) {
        access.check(request.caseId(), "assessment.record");
        Assessment stored = assessments.record(request, access.actor());
        return Response.created(URI.create("/outcomes/assessments/" + stored.id))
                .entity(AssessmentView.of(stored)).build();
    }

    @GET
    @Path("/assessments/{id}")
    @Operation(operationId = "getAssessment", summary = "Read one assessment", description = "The assessment with its answers and scores.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = AssessmentView.class)))
    @APIResponse(responseCode = "404", description = "No such assessment", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public AssessmentView get(@PathParam("id") UUID id) {
        Assessment assessment = assessments.find(id);
        access.check(assessment.caseId, "assessment.read");
        return AssessmentView.of(assessment);
    }

    @GET
    @Path("/cases/{caseId}")
    @Operation(operationId = "getCaseOutcomes", summary = "Assessments of a case and change from baseline", description = """
            All assessments of the case, oldest first, and per instrument the change of each measure from the \
            first BASELINE to the latest later REVIEW or DISCHARGE (ONS4: each item; SWEMWBS: the metric score; \
            UCLA-3: the total), with whether it meets the instrument's meaningful-change threshold. A case with \
            no assessments answers an empty list. A link worker for their own cases, a coordinator for their PCN's.

            """ + THRESHOLDS)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = CaseOutcomesView.class)))
    public CaseOutcomesView forCase(@PathParam("caseId") UUID caseId) {
        access.check(caseId, "assessment.case.read");
        return assessments.forCase(caseId);
    }
}
