package org.linkwork.dashboard.figures;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.disclosure.ReportingPeriod;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;

@Path("/figures")
@Tag(name = "ICS dashboard", description = "The figures behind the dashboard's charts, from ics-events alone")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Roles.ICS_ANALYST)
public class FiguresResource {

    private final FiguresService figures;

    FiguresResource(FiguresService figures) {
        this.figures = figures;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getDashboardFigures", summary = "The dashboard's figures for a period", description = """
            Referrals received and days to first contact per month and PCN, reach by IMD decile and ethnic group \
            beside the population, and the workforce per PCN against the 200-250 people per FTE guidance. Months \
            default to the 12 up to the current one.""")
    @APIResponse(responseCode = "200", description = "The figures, suppressed",
            content = @Content(schema = @Schema(implementation = FiguresView.class)))
    @APIResponse(responseCode = "400", description = "A month that is not YYYY-MM",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "to before from, or more than 60 months",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token or login")
    @APIResponse(responseCode = "403", description = "Not an ICS analyst")
    public FiguresView figures(
            @Parameter(description = "First month, YYYY-MM", example = "2026-01") @QueryParam("from") String from,
            @Parameter(description = "Last month, YYYY-MM", example = "2026-12") @QueryParam("to") String to) {
        return figures.figures(ReportingPeriod.of(from, to));
    }
}
