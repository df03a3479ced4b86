package org.linkwork.caseload.linkworkers;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.caseload.access.CaseAccess;
import org.linkwork.platform.security.Roles;

@Path("/link-workers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Link workers", description = "The PCN's link workers, their capacity, and a worker's own caseload")
@SecurityRequirement(name = "oidc")
@RolesAllowed(Roles.COORDINATOR)
public class LinkWorkerResource {

    private final LinkWorkerService workers;
    private final CaseAccess access;

    LinkWorkerResource(LinkWorkerService workers, CaseAccess access) {
        this.workers = workers;
        this.access = access;
    }

    @GET
    @Operation(operationId = "listLinkWorkers", summary = "The coordinator's PCN's link workers with their capacity",
            description = "The link workers of the coordinator's PCN (claim `pcn`), each with their cap and open cases.")
    public List<LinkWorkerView> list() {
        return workers.candidates(access.coordinatorPcn(), false).stream()
                .map(c -> LinkWorkerView.of(c.worker(), c.cap(), c.openCases())).toList();
    }

    @POST
    @Operation(operationId = "addLinkWorker", summary = "Add a link worker to the coordinator's PCN", description = "Their free places are offered to the waiting list at once.")
    @APIResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = LinkWorkerView.class)))
    public Response create(@NotNull @Valid LinkWorkerRequest body) {
        LinkWorker worker = workers.add(body);
        return Response.created(URI.create("/link-workers/" + worker.id)).entity(view(worker)).build();
    }

    @PUT
    @Path("/{id}")
    @Operation(operationId = "updateLinkWorker", summary = "Change a link worker's hours, cap, languages or active flag", description = "More places are offered to the waiting list at once.")
    public LinkWorkerView update(@PathParam("id") UUID id, @NotNull @Valid LinkWorkerRequest body) {
        return view(workers.change(id, body));
    }

    private LinkWorkerView view(LinkWorker worker) {
        return LinkWorkerView.of(worker, workers.capOf(worker), workers.openCases(worker.id));
    }
}
