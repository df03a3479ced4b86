package org.linkwork.directory.service;

import static org.linkwork.directory.api.Parameters.uuid;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.linkwork.directory.access.ReadAccess;
import org.linkwork.directory.api.Parameters;
import org.linkwork.directory.location.LocationView;
import org.linkwork.directory.search.Page;
import org.linkwork.directory.search.Paging;
import org.linkwork.platform.problem.ProblemException;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * ORUK {@code /service_at_locations}: where each service is delivered. The list carries the
 * service's one-to-one fields (HSDS {@code service_at_location_list}); one item carries the fully
 * nested service. Text and proximity search are served by {@code /directory/services}.
 */
@Path("/directory/service_at_locations")
@Produces(MediaType.APPLICATION_JSON)
@Transactional
@Tag(name = "Services at locations", description = "Open Referral UK read API: where each service is delivered")
public class ServiceAtLocationResource {

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceSummary(String id, String organizationId, String name, String description, String url, String email,
            String status, Integer minimumAge, Integer maximumAge, String lastModified, ServiceView.Capacity capacity,
            ServiceView.Referral referral, long version) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocationItem(String id, String serviceId, String locationId, String description,
            LocationView location, Object service) {
    }

    @Inject
    ReadAccess access;

    @Inject
    EntityManager entityManager;

    @GET
    @Operation(summary = "List where active services are delivered", description = "Ordered by service name. "
            + "Filters combine with AND.")
    @APIResponse(responseCode = "200", description = "ORUK paginated envelope of service_at_location with location and service")
    @APIResponse(responseCode = "400", description = "A malformed parameter, named in `errors[].field`",
            content = @Content(mediaType = "application/problem+json"))
    public Page<ServiceAtLocationItem> list(
            @Parameter(description = "Only services with this taxonomy term") @QueryParam("taxonomy_term_id") String taxonomyTermId,
            @Parameter(description = "Only services with a term from this taxonomy") @QueryParam("taxonomy_id") String taxonomyId,
            @Parameter(description = "Only services of this organization") @QueryParam("organization_id") String organizationId,
            @Parameter(description = "Only services modified at or after this RFC 3339 date-time (a date alone means its start, UTC)",
                    example = "2026-05-15T09:00:00Z") @QueryParam("modified_after") String modifiedAfter,
            @Parameter(description = "Page number, from 1") @QueryParam("page") Integer page,
            @Parameter(description = "Items per page, 1 to 200") @QueryParam("per_page") Integer perPage) {
        access.check();
        Paging paging = Paging.of(page, perPage);
        UUID term = uuid("taxonomy_term_id", taxonomyTermId);
        UUID taxonomy = uuid("taxonomy_id", taxonomyId);
        UUID organization = uuid("organization_id", organizationId);
        OffsetDateTime modified = Parameters.dateTime("modified_after", modifiedAfter);
        String where = " WHERE s.status = 'active'" + (organization == null ? "" : " AND s.organization.id = :organization")
                + (term == null ? "" : " AND EXISTS (SELECT 1 FROM Attribute a WHERE a.service = s AND a.term.id = :term)")
                + (taxonomy == null ? "" : " AND EXISTS (SELECT 1 FROM Attribute a WHERE a.service = s AND a.term.taxonomy.id = :taxonomy)")
                + (modified == null ? "" : " AND s.lastModified >= :modified");
        TypedQuery<Long> count = entityManager.createQuery("SELECT count(sal) FROM ServiceAtLocation sal JOIN sal.service s" + where,
                Long.class);
        TypedQuery<ServiceAtLocation> items = entityManager.createQuery("SELECT sal FROM ServiceAtLocation sal JOIN FETCH sal.service s"
                + " JOIN FETCH sal.location" + where + " ORDER BY s.name, sal.id", ServiceAtLocation.class);
        if (organization != null) {
            count.setParameter("organization", organization);
            items.setParameter("organization", organization);
        }
        if (term != null) {
            count.setParameter("term", term);
            items.setParameter("term", term);
        }
        if (taxonomy != null) {
            count.setParameter("taxonomy", taxonomy);
            items.setParameter("taxonomy", taxonomy);
        }
        if (modified != null) {
            count.setParameter("modified", modified);
            items.setParameter("modified", modified);
        }
        boolean capacity = access.seesCapacity();
        List<ServiceAtLocationItem> contents = items.setFirstResult(paging.offset()).setMaxResults(paging.perPage())
                .getResultStream().map(sal -> item(sal, summary(sal.service, capacity))).toList();
        return Page.of(contents, count.getSingleResult(), paging.page(), paging.perPage());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One service_at_location with its location and fully nested service", description = "Any status.")
    @APIResponse(responseCode = "200", description = "The service at its location")
    @APIResponse(responseCode = "404", description = "No such service_at_location",
            content = @Content(mediaType = "application/problem+json"))
    public ServiceAtLocationItem get(@Parameter(description = "service_at_location id (UUID)") @PathParam("id") String id) {
        access.check();
        ServiceAtLocation at = entityManager.find(ServiceAtLocation.class, uuid("id", id));
        if (at == null) {
            throw ProblemException.notFound("Service at location " + id);
        }
        ServiceView service = ServiceView.of(at.service, null);
        return item(at, access.seesCapacity() ? service : service.withoutCapacity());
    }

    private static ServiceAtLocationItem item(ServiceAtLocation at, Object service) {
        return new ServiceAtLocationItem(at.id.toString(), at.service.id.toString(), at.location.id.toString(), at.description,
                LocationView.of(at.location), service);
    }

    private static ServiceSummary summary(Service s, boolean withCapacity) {
        return new ServiceSummary(s.id.toString(), s.organization.id.toString(), s.name, s.description, s.url, s.email, s.status,
                s.minimumAge, s.maximumAge, ServiceView.dateTime(s.lastModified), withCapacity ? new ServiceView.Capacity(s.placesPerSession,
                        s.placesTaken, s.placesPerSession == null ? null : Math.max(0, s.placesPerSession - s.placesTaken)) : null,
                new ServiceView.Referral(s.selfReferral, s.linkWorkerReferral, s.referralInstructions), s.version);
    }
}
