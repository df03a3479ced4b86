package org.linkwork.directory.curation;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.platform.security.Roles;
import org.linkwork.directory.services.LocationView;
import org.linkwork.directory.organizations.OrganizationView;
import org.linkwork.directory.services.ServiceView;

@Path("/directory/curation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.CURATOR)
@SecurityRequirement(name = "oidc")
@Tag(name = "Curation", description = "Directory curators create, update and withdraw entries. Updates carry the "
        + "version last read; a stale version is refused with 409 so concurrent edits are never lost.")
@APIResponse(responseCode = "400", description = "Invalid field, named in `errors[].field`", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "401", description = "No valid bearer token", content = @Content(mediaType = "application/problem+json"))
@APIResponse(responseCode = "403", description = "Not a directory curator", content = @Content(mediaType = "application/problem+json"))
public class CurationResource {

    static final String ORGANIZATION_EXAMPLE = """
            {"name":"Headingley Community Trust","description":"Volunteer-run activities for older people.",
             "email":"hello@example.org","website":"https://example.org"}""";
    static final String LOCATION_EXAMPLE = """
            {"organization_id":"5a4c1d2e-8f3b-4c6a-9d7e-2b1a0c9f8e7d","name":"St Michael's Church Hall",
             "address_1":"St Michael's Road","city":"Leeds","state_province":"West Yorkshire","postal_code":"LS6 3AW",
             "latitude":53.8195,"longitude":-1.5788,"accessibility":["Step-free entrance","Hearing loop"]}""";
    static final String SERVICE_EXAMPLE = """
            {"organization_id":"5a4c1d2e-8f3b-4c6a-9d7e-2b1a0c9f8e7d","name":"Headingley Health Walk",
             "description":"A gentle hour's walk round the park, then tea.","status":"active","minimum_age":18,
             "places_per_session":15,"self_referral":true,"link_worker_referral":true,
             "location_ids":["0d1f4f0a-3b59-4a36-8a8e-6f2c1d0e9b77"],
             "taxonomy_term_ids":["160729ad-cb62-5c27-bba8-9dfc3849f792"],
             "schedules":[{"freq":"WEEKLY","byday":"TU","opens_at":"10:00","closes_at":"11:00"}],
             "cost_options":[{"option":"Per walk","currency":"GBP","amount":0}],
             "languages":[{"name":"English","code":"en"}],
             "contacts":[{"name":"Pat Walker","email":"walks@example.org","phone":"0113 496 0001"}]}""";

    private final CurationService curation;
    private final OrukImport orukImport;

    CurationResource(CurationService curation, OrukImport orukImport) {
        this.curation = curation;
        this.orukImport = orukImport;
    }

    @POST
    @Path("/organizations")
    @Operation(operationId = "addOrganization", summary = "Add an organization",
            description = "A provider of services, usually a voluntary or community organisation; its locations and services name it by id.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "trust", value = ORGANIZATION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; body is the ORUK organization")
    public Response createOrganization(@Valid @NotNull OrganizationRequest request) {
        OrganizationView created = curation.createOrganization(request);
        return Response.created(URI.create("/directory/organizations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/organizations/{id}")
    @Operation(operationId = "updateOrganization", summary = "Replace an organization's details",
            description = "Name, description and contact details as sent, if `version` is still the stored one.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "trust", value = ORGANIZATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated, with its new version")
    @APIResponse(responseCode = "404", description = "No such organization", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Changed by someone else since `version`", content = @Content(mediaType = "application/problem+json"))
    public OrganizationView updateOrganization(@Parameter(description = "Organization id") @PathParam("id") UUID id,
            @Valid @NotNull OrganizationRequest request) {
        return curation.updateOrganization(id, request);
    }

    @POST
    @Path("/locations")
    @Operation(operationId = "addLocation", summary = "Add a location", description = "Postcode in upper case with its space; coordinates must lie in the UK.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "church hall", value = LOCATION_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; body is the ORUK location")
    @APIResponse(responseCode = "422", description = "Unknown organization_id", content = @Content(mediaType = "application/problem+json"))
    public Response createLocation(@Valid @NotNull LocationRequest request) {
        LocationView created = curation.createLocation(request);
        return Response.created(URI.create("/directory/curation/locations/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/locations/{id}")
    @Operation(operationId = "updateLocation", summary = "Replace a location's details",
            description = "Address, coordinates and accessibility as sent, if `version` is still the stored one; the same rules as adding one.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "church hall", value = LOCATION_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated, with its new version")
    @APIResponse(responseCode = "404", description = "No such location", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Changed by someone else since `version`", content = @Content(mediaType = "application/problem+json"))
    public LocationView updateLocation(@Parameter(description = "Location id") @PathParam("id") UUID id,
            @Valid @NotNull LocationRequest request) {
        return curation.updateLocation(id, request);
    }

    @POST
    @Path("/services")
    @Operation(operationId = "addService", summary = "Add a service", description = "With its locations, taxonomy terms, weekly schedules, costs, "
            + "languages, contacts, capacity and referral routes.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "health walk", value = SERVICE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; body is the fully nested ORUK service")
    @APIResponse(responseCode = "422", description = "Unknown organization, location or taxonomy term", content = @Content(mediaType = "application/problem+json"))
    public Response createService(@Valid @NotNull ServiceRequest request) {
        ServiceView created = curation.createService(request);
        return Response.created(URI.create("/directory/services/" + created.id())).entity(created).build();
    }

    @PUT
    @Path("/services/{id}")
    @Operation(operationId = "updateService", summary = "Replace a service", description = "Child lists (schedules, costs, ...) are replaced as sent.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "health walk", value = SERVICE_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "Updated, with its new version")
    @APIResponse(responseCode = "404", description = "No such service", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Changed by someone else since `version`", content = @Content(mediaType = "application/problem+json"))
    public ServiceView updateService(@Parameter(description = "Service id") @PathParam("id") UUID id,
            @Valid @NotNull ServiceRequest request) {
        return curation.updateService(id, request);
    }

    @POST
    @Path("/services/{id}/withdraw")
    @Operation(operationId = "withdrawService", summary = "Withdraw a service", description = "Sets it inactive: gone from search, still readable by id.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "withdraw", value = "{\"version\":3}")))
    @APIResponse(responseCode = "200", description = "Withdrawn")
    @APIResponse(responseCode = "404", description = "No such service", content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "409", description = "Changed by someone else since `version`", content = @Content(mediaType = "application/problem+json"))
    public ServiceView withdrawService(@Parameter(description = "Service id") @PathParam("id") UUID id,
            @Valid @NotNull WithdrawRequest request) {
        return curation.withdrawService(id, request.version());
    }

    @POST
    @Path("/import")
    @Operation(operationId = "importServices", summary = "Import an ORUK JSON export", description = "Fully nested HSDS 3 services, as a JSON array or an "
            + "ORUK page (`contents`), e.g. what GET /directory/services returns. Idempotent by id: objects are created or "
            + "updated under their own ids, children no longer exported are removed, and importing the same export twice "
            + "changes nothing. New taxonomy terms come with their `taxonomy_detail`. Places taken are never imported.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "one service", value = "[{\"id\":\"0b0d8a3e-4c1f-4f7e-9a57-1f3c2b6d9e01\","
            + "\"name\":\"Headingley Health Walk\",\"status\":\"active\",\"organization\":{\"id\":\"5a4c1d2e-8f3b-4c6a-9d7e-2b1a0c9f8e7d\","
            + "\"name\":\"Headingley Community Trust\",\"description\":\"Volunteer-run activities\"},\"schedules\":[{\"id\":"
            + "\"7c9e6679-7425-40de-944b-e07fc1f90ae7\",\"freq\":\"WEEKLY\",\"byday\":\"TU\",\"opens_at\":\"10:00\",\"closes_at\":\"11:00\"}]}]")))
    @APIResponse(responseCode = "200", description = "How many services the export held", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "result", value = "{\"services\":1}")))
    @APIResponse(responseCode = "422", description = "A reference that is neither stored nor nested", content = @Content(mediaType = "application/problem+json"))
    public ImportView importExport(@NotNull ImportRequest export) {
        return orukImport.load(export);
    }
}
