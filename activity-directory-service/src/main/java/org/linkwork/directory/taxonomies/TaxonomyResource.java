package org.linkwork.directory.taxonomies;

import static org.linkwork.directory.oruk.Parameters.uuid;

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
import org.linkwork.directory.oruk.Page;
import org.linkwork.directory.oruk.Paging;

/** ORUK {@code /taxonomies} and {@code /taxonomy_terms}. {@code @PermitAll}: open reads, unless the directory is closed ({@link DirectoryAccess#checkRead()}). */
@Path("/directory")
@Produces(MediaType.APPLICATION_JSON)
@PermitAll
// Declared for clients: anonymous, or a bearer token (which shows capacity, and is needed when the directory is closed).
@SecurityRequirementsSet
@SecurityRequirementsSet(@SecurityRequirement(name = "oidc"))
@Tag(name = "Taxonomies", description = "The social prescribing vocabulary services are classified by")
public class TaxonomyResource {

    private static final String TERM_EXAMPLE = """
            {"id":"160729ad-cb62-5c27-bba8-9dfc3849f792","code":"walking","name":"Walking",
             "description":"Walking groups and health walks.","parent_id":"aae47f1c-9101-50c1-acef-9a43fcbaf4f3",
             "taxonomy":"Linkwork social prescribing","taxonomy_id":"8106ae87-ef08-5db8-863c-b7a12789d026"}""";

    private final DirectoryAccess access;
    private final TaxonomyService taxonomies;

    TaxonomyResource(DirectoryAccess access, TaxonomyService taxonomies) {
        this.access = access;
        this.taxonomies = taxonomies;
    }

    @GET
    @Path("/taxonomies")
    @Operation(operationId = "listTaxonomies", summary = "List taxonomies",
            description = "The vocabularies services are classified by, ordered by name.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of taxonomies")
    @APIResponse(responseCode = "400", description = "Bad page or per_page", content = @Content(mediaType = "application/problem+json"))
    public Page<TaxonomyView> taxonomies(@Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1 to 200") @QueryParam("per_page") Integer perPage) {
        access.checkRead();
        return taxonomies.taxonomies(Paging.of(page, perPage));
    }

    @GET
    @Path("/taxonomies/{id}")
    @Operation(operationId = "getTaxonomy", summary = "One taxonomy",
            description = "By id.")
    @APIResponse(responseCode = "200", description = "The taxonomy")
    @APIResponse(responseCode = "404", description = "No such taxonomy", content = @Content(mediaType = "application/problem+json"))
    public TaxonomyView taxonomy(@Parameter(description = "Taxonomy id (UUID)") @PathParam("id") UUID id) {
        access.checkRead();
        return taxonomies.taxonomy(id);
    }

    @GET
    @Path("/taxonomy_terms")
    @Operation(operationId = "listTaxonomyTerms", summary = "List taxonomy terms", description = "Ordered by name; filter by taxonomy or parent term.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of terms", content = @Content(
            mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "walking", value = "{\"total_items\":1,"
                    + "\"total_pages\":1,\"page_number\":1,\"size\":1,\"first_page\":true,\"last_page\":true,\"empty\":false,"
                    + "\"contents\":[" + TERM_EXAMPLE + "]}")))
    @APIResponse(responseCode = "400", description = "A malformed parameter", content = @Content(mediaType = "application/problem+json"))
    public Page<TaxonomyTermView> terms(
            @Parameter(description = "Only terms of this taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only the children of this term") @QueryParam("parent_id") String parentId,
            @Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1 to 200") @QueryParam("per_page") Integer perPage) {
        access.checkRead();
        Paging paging = Paging.of(page, perPage);
        return taxonomies.terms(uuid("taxonomy_id", taxonomyId), uuid("parent_id", parentId), paging);
    }

    @GET
    @Path("/taxonomy_terms/{id}")
    @Operation(operationId = "getTaxonomyTerm", summary = "One taxonomy term",
            description = "By id, with the taxonomy it belongs to.")
    @APIResponse(responseCode = "200", description = "The term", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            examples = @ExampleObject(name = "walking", value = TERM_EXAMPLE)))
    @APIResponse(responseCode = "404", description = "No such term", content = @Content(mediaType = "application/problem+json"))
    public TaxonomyTermView term(@Parameter(description = "Term id (UUID)") @PathParam("id") UUID id) {
        access.checkRead();
        return taxonomies.term(id);
    }
}
