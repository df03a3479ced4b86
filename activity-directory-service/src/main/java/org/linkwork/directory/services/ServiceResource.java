package org.linkwork.directory.services;

import static org.linkwork.directory.oruk.Parameters.uuid;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.DirectoryAccess;
import org.linkwork.directory.oruk.Parameters;
import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;
import org.linkwork.platform.problem.ProblemException;

/** ORUK {@code /services}. {@code @PermitAll}: open reads, unless the directory is closed ({@link DirectoryAccess#checkRead()}). */
@Path("/directory/services")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared for clients: anonymous, or a bearer token (which shows capacity, and is needed when the directory is closed).
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "oidc"))
@Tag(name = "Services", description = "Open Referral UK read API: community activities and support services")
public class ServiceResource {

    private static final Map<String, String> DAYS = Map.of("MONDAY", "MO", "TUESDAY", "TU", "WEDNESDAY", "WE",
            "THURSDAY", "TH", "FRIDAY", "FR", "SATURDAY", "SA", "SUNDAY", "SU");

    static final String SERVICE_EXAMPLE = """
            {"id":"0b0d8a3e-4c1f-4f7e-9a57-1f3c2b6d9e01","organization_id":"5a4c1d2e-8f3b-4c6a-9d7e-2b1a0c9f8e7d",
             "name":"Headingley Health Walk","description":"A gentle hour's walk round the park, then tea.",
             "status":"active","minimum_age":18,"schedules":[{"id":"7c9e6679-7425-40de-944b-e07fc1f90ae7",
             "freq":"WEEKLY","byday":"TU","opens_at":"10:00","closes_at":"11:00"}],
             "capacity":{"places_per_session":15,"places_taken":9,"places_available":6},
             "referral":{"self_referral":true,"link_worker_referral":true},"distance":1240,"version":0}""";

    private final DirectoryAccess access;
    private final ServiceCatalogue services;
    private final Postcodes postcodes;

    ServiceResource(DirectoryAccess access, ServiceCatalogue services, Postcodes postcodes) {
        this.access = access;
        this.services = services;
        this.postcodes = postcodes;
    }

    @GET
    @Operation(operationId = "searchServices", summary = "Search active services", description = "ORUK service search. Filters combine with AND. "
            + "With a postcode, results are ordered by distance from the centre of its district and carry "
            + "`distance` in metres; `proximity` limits that distance. Age filters describe the person: a service "
            + "matches when its eligible ages overlap [minimum_age, maximum_age]. Open without a token unless the "
            + "directory is configured closed; `capacity` only for NHS readers. Services are fully nested unless "
            + "`full=false` (HSDS `service_list`: the one-to-one fields and the organization, a page a fraction of the size) "
            + "or `minimal=true` (HSDS minimal: `id` and `last_modified` only). Not supported: `format=ndjson`.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of fully nested services",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "near LS6",
                    value = "{\"total_items\":1,\"total_pages\":1,\"page_number\":1,\"size\":1,\"first_page\":true,"
                            + "\"last_page\":true,\"empty\":false,\"contents\":[" + "{\"id\":\"0b0d8a3e-4c1f-4f7e-9a57-1f3c2b6d9e01\","
                            + "\"name\":\"Headingley Health Walk\",\"status\":\"active\",\"distance\":1240}]}")))
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in `errors[].field`",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "422", description = "The postcode's district is not known",
            content = @Content(mediaType = "application/problem+json"))
    @APIResponse(responseCode = "401", description = "No valid bearer token, when the directory is closed")
    @APIResponse(responseCode = "403", description = "The token's roles may not read a closed directory")
    @APIResponse(responseCode = "429", description = "Too many requests without a token from this client; wait `Retry-After` seconds",
            content = @Content(mediaType = "application/problem+json"))
    public Page<ServiceView> search(
            @Parameter(description = "ORUK full-text search: words to find, name weighted above taxonomy terms above description",
                    example = "walking group") @QueryParam("search") String searchText,
            @Parameter(description = "Linkwork's earlier name for `search`; used when `search` is absent", example = "walking group")
            @QueryParam("text") String text,
            @Parameter(description = "Only services with this taxonomy term") @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "Only services with a term from this taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only services of this organization") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "Only services modified at or after this RFC 3339 date-time (a date alone means its start, UTC)",
                    example = "2026-05-15T09:00:00Z") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "UK postcode or outcode to search near", example = "LS6 1AA") @QueryParam("postcode") String postcode,
            @Parameter(description = "Greatest distance from the postcode, in metres", example = "5000") @QueryParam("proximity") Integer proximity,
            @Parameter(description = "Youngest age of the person", example = "70") @QueryParam("minimum_age") Integer minimumAge,
            @Parameter(description = "Oldest age of the person", example = "70") @QueryParam("maximum_age") Integer maximumAge,
            @Parameter(description = "Day of the week with a session: MO..SU or monday..sunday", example = "TU") @QueryParam("day") String day,
            @Parameter(description = "Page number, from 1", example = "1") @QueryParam("page") Integer page,
            @Parameter(description = "Services per page, 1 to 200", example = "50") @QueryParam("per_page") Integer perPage,
            @Parameter(description = "false: HSDS `service_list`, no nested lists (schedules, locations, taxonomy terms, contacts, "
                    + "costs, languages). Default true, fully nested", example = "false") @QueryParam("full") String full,
            @Parameter(description = "true: only each service's `id` and `last_modified`, for keeping a copy in step",
                    example = "true") @QueryParam("minimal") String minimal) {
        access.checkRead();
        ServiceView.Representation representation = representation(full, minimal);
        Paging paging = Paging.of(page, perPage);
        Postcodes.Coordinates near = null;
        if (postcode != null && !postcode.isBlank()) {
            if (!Postcodes.isPostcode(postcode)) {
                throw ProblemException.badRequest("postcode", "is not a UK postcode");
            }
            near = postcodes.locate(postcode)
                    .orElseThrow(() -> ProblemException.unprocessable("postcode", "its postcode district is not known"));
        } else if (proximity != null) {
            throw ProblemException.badRequest("proximity", "needs a postcode to measure from");
        }
        if (proximity != null && proximity <= 0) {
            throw ProblemException.badRequest("proximity", "must be more than 0 metres");
        }
        if (minimumAge != null && minimumAge < 0) {
            throw ProblemException.badRequest("minimum_age", "must be 0 or more");
        }
        if (maximumAge != null && maximumAge < 0) {
            throw ProblemException.badRequest("maximum_age", "must be 0 or more");
        }
        if (minimumAge != null && maximumAge != null && minimumAge > maximumAge) {
            throw ProblemException.badRequest("maximum_age", "must not be less than minimum_age");
        }
        String words = searchText != null && !searchText.isBlank() ? searchText : text;
        return services.search(new SearchCriteria(words == null || words.isBlank() ? null : words.trim(),
                uuid("taxonomy_term_id", taxonomyTermId), uuid("taxonomy_id", taxonomyId), uuid("organization_id", organizationId),
                Parameters.dateTime("modified_after", modifiedAfter), near, proximity, minimumAge, maximumAge, day(day),
                paging.page(), paging.perPage()), access.seesCapacity(), representation);
    }

    private static ServiceView.Representation representation(String full, String minimal) {
        boolean isMinimal = Boolean.TRUE.equals(Parameters.bool("minimal", minimal));
        Boolean isFull = Parameters.bool("full", full);
        if (isMinimal && Boolean.TRUE.equals(isFull)) {
            throw ProblemException.badRequest("minimal", "cannot be combined with full=true");
        }
        if (isMinimal) {
            return ServiceView.Representation.MINIMAL;
        }
        return Boolean.FALSE.equals(isFull) ? ServiceView.Representation.LIST : ServiceView.Representation.FULL;
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getService", summary = "One service, fully nested", description = "Any status, so that a prescribed service "
            + "that has since been withdrawn can still be shown.")
    @APIResponse(responseCode = "200", description = "The service", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "health walk", value = SERVICE_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such service", content = @Content(mediaType = "application/problem+json"))
    public ServiceView get(@Parameter(description = "Service id (UUID)") @PathParam("id") UUID id) {
        access.checkRead();
        return services.get(id, access.seesCapacity());
    }

    private static String day(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String day = value.trim().toUpperCase(Locale.ROOT);
        if (DAYS.containsValue(day)) {
            return day;
        }
        if (DAYS.containsKey(day)) {
            return DAYS.get(day);
        }
        throw ProblemException.badRequest("day", "must be one of MO, TU, WE, TH, FR, SA, SU or a day name");
    }
}
