package org.linkwork.caseload.suggestions;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.linkwork.caseload.cases.CaseService;
import org.linkwork.caseload.directory.DirectoryException;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;

@Path("/cases/{id}/suggestions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Cases")
@SecurityRequirement(name = "oidc")
@RolesAllowed({ Roles.LINK_WORKER, Roles.COORDINATOR })
@APIResponse(responseCode = "401", description = "No valid access token")
@APIResponse(responseCode = "403", description = "Role not allowed here (GPs and ICS analysts see no cases)")
@APIResponse(responseCode = "404", description = "No such case, or not one this caller may see", content = @Content(mediaType = Problem.MEDIA_TYPE))
public class SuggestionResource {

    private final SuggestionService suggestions;
    private final CaseService cases;
    private final int retryAfterSeconds;

    SuggestionResource(SuggestionService suggestions, CaseService cases,
            @ConfigProperty(name = "linkwork.suggestions.retry-after-seconds", defaultValue = "30") int retryAfterSeconds) {
        this.suggestions = suggestions;
        this.cases = cases;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    @GET
    @Operation(operationId = "suggestActivities", summary = "Activities to suggest, ranked", description = """
            Searches the activity directory for the case's referral reasons (each mapped to terms of the directory's \
            social prescribing taxonomy), within `linkwork.suggestions.radius-metres` of the patient's postcode and for \
            the patient's age, then ranks: services with places before full ones (full ones stay, last); venues meeting \
            the case's access needs (e.g. step-free for a wheelchair user) first; more of the case's reasons answered \
            first; free before unknown cost before paid; nearer first. Services outside the patient's age range and \
            services already live on this case are left out and listed under `excluded`. Each suggestion says `why`. \
            Suggest one with POST /cases/{id}/prescriptions {serviceId}. Read-only; audited as case.suggestions.read.""")
    @APIResponse(responseCode = "200", description = "Ranked suggestions, best first", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SuggestionsView.class),
            examples = @ExampleObject(name = "lonely, inactive wheelchair user", value = SuggestionsView.EXAMPLE)))
    @APIResponse(responseCode = "409", description = "The case is closed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "502", description = "The directory refused the search (4xx)", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "503", description = """
            The directory is down, too slow (2 s per attempt, one retry) or its circuit breaker is open: answered at \
            once while open. Nothing else about the case is affected.""",
            headers = @Header(name = "Retry-After", description = "Seconds to wait before asking again", schema = @Schema(implementation = Integer.class)),
            content = @Content(mediaType = Problem.MEDIA_TYPE, examples = @ExampleObject(name = "directory down", value = """
                    {"type":"about:blank","title":"Service Unavailable","status":503,"detail":"The activity directory is not \
                    available, so suggestions cannot be made now. Everything else about the case still works; try again later.",\
                    "instance":"/cases/5b0f7c1e-2f0c-4a57-9a52-1d2f3b4c5d6e/suggestions"}""")))
    public SuggestionsView suggestions(@PathParam("id") UUID id) {
        return suggestions.suggest(cases.visible(id, "case.suggestions.read"));
    }

    /** The directory being down, slow or behind an open breaker: 503 problem+json with Retry-After. */
    @ServerExceptionMapper
    public Response unavailable(DirectoryException.Unavailable e, UriInfo uri) {
        return Response.status(503).type(Problem.MEDIA_TYPE).header("Retry-After", retryAfterSeconds)
                .entity(Problem.of(503, "Service Unavailable", "The activity directory is not available, so suggestions "
                        + "cannot be made now. Everything else about the case still works; try again later.")
                        .withInstance(uri.getPath()))
                .build();
    }
}
