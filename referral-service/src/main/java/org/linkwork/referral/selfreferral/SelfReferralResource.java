package org.linkwork.referral.selfreferral;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.security.Roles;
import org.linkwork.referral.referral.Referral;
import org.linkwork.referral.referral.ReferralView;

@Path("/self-referrals")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Self-referrals", description = "People referring themselves, and the coordinators who trace them")
public class SelfReferralResource {

    static final String EXAMPLE = """
            {"givenName":"Margaret","familyName":"Hughes","dateOfBirth":"1948-03-14","postcode":"LS6 2AB",
             "phone":"0113 496 0000","preferredContact":"PHONE","practiceOdsCode":"B86043",
             "reasons":["LONELINESS"],"about":"I have not been out much since my husband died.",
             "consent":{"agreed":true,"statement":"self-referral-consent-2026-12"}}""";

    private final SelfReferralService selfReferrals;

    SelfReferralResource(SelfReferralService selfReferrals) {
        this.selfReferrals = selfReferrals;
    }

    @POST
    @PermitAll
    @SecurityRequirements
    @Operation(operationId = "submitSelfReferral", summary = "Refer yourself", description = """
            Open, without a token: a person asks to see a link worker. Their NHS number is optional; a coordinator of \
            their practice's PCN traces it and only then does the self-referral become a referral. Their agreement to \
            the consent statement is required (otherwise 422 and nothing is stored). Limited per client address \
            (429 with Retry-After). The answer carries the person's reference and nothing they sent.""")
    @RequestBody(content = @Content(schema = @Schema(implementation = SelfReferralRequest.class),
            examples = @ExampleObject(name = "lonely", value = EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Received; it awaits a coordinator's trace",
            content = @Content(schema = @Schema(implementation = SelfReferralView.Receipt.class)))
    @APIResponse(responseCode = "400", description = "Malformed or invalid fields, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "422", description = "Consent not agreed", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "429", description = "Too many self-referrals from this client; see Retry-After",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response submit(@NotNull @Valid SelfReferralRequest request) {
        SelfReferral self = selfReferrals.receive(request);
        return Response.created(URI.create("/self-referrals/" + self.id)).entity(SelfReferralView.Receipt.of(self)).build();
    }

    @GET
    @RolesAllowed(Roles.COORDINATOR)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "listSelfReferrals", summary = "List self-referrals", description = """
            Oldest first, those of the coordinator's PCN's practices (claim `pcn`) and of practices outside the \
            network. Each one listed is audited.""")
    @APIResponse(responseCode = "200", description = "A page of self-referrals, oldest first",
            content = @Content(schema = @Schema(implementation = SelfReferralView.Page.class)))
    @APIResponse(responseCode = "400", description = "An invalid filter or paging value, named in `errors`",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not a coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SelfReferralView.Page list(@QueryParam("status") SelfReferral.Status status,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SelfReferralService.Page result = selfReferrals.search(status, page, size);
        return new SelfReferralView.Page(result.items().stream().map(SelfReferralView::of).toList(), page, size, result.total());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed(Roles.COORDINATOR)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "getSelfReferral", summary = "Read a self-referral", description = "Audited.")
    @APIResponse(responseCode = "200", description = "The self-referral", content = @Content(schema = @Schema(implementation = SelfReferralView.class)))
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not a coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such self-referral, or not one of this coordinator's PCN",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public SelfReferralView get(@PathParam("id") UUID id) {
        return SelfReferralView.of(selfReferrals.readable(id, "self-referral.read"));
    }

    @POST
    @Path("/{id}/trace")
    @RolesAllowed(Roles.COORDINATOR)
    @SecurityRequirement(name = "oidc")
    @Operation(operationId = "traceSelfReferral", summary = "Record the traced NHS number: the self-referral becomes a referral", description = """
            With the NHS number the coordinator traced (or confirmed), the self-referral becomes a referral from \
            referrer type SELF for the person's practice, triaged as any referral from that practice.""")
    @APIResponse(responseCode = "201", description = "The referral made from it", content = @Content(schema = @Schema(implementation = ReferralView.class)))
    @APIResponse(responseCode = "400", description = "No NHS number, or not a valid one", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "403", description = "Not a coordinator", content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "404", description = "No such self-referral, or not one of this coordinator's PCN",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    @APIResponse(responseCode = "409", description = "Already traced, or the person already has an open referral",
            content = @Content(mediaType = Problem.MEDIA_TYPE))
    public Response trace(@PathParam("id") UUID id, @NotNull @Valid TraceRequest body) {
        Referral referral = selfReferrals.trace(id, body.nhsNumber());
        return Response.created(URI.create("/referrals/" + referral.id)).entity(ReferralView.of(referral)).build();
    }
}
