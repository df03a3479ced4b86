package org.linkwork.platform.problem;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;

/** A resource that fails in every way a service resource can, for the mapper tests. */
@Path("/problem-test")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ProblemTestResource {

    public enum Reason {
        LONELINESS, LOW_MOOD
    }

    public record Patient(@NotBlank @Pattern(regexp = "\\d{10}", message = "must be 10 digits") String nhsNumber,
            @NotNull @Past LocalDate dateOfBirth) {
    }

    public record Request(@NotNull @Valid Patient patient, @NotEmpty List<@NotNull Reason> reasons, String note) {
    }

    @POST
    public Request create(@NotNull @Valid Request request) {
        return request;
    }

    @GET
    @Path("/search")
    public List<String> search(@QueryParam("size") @Positive int size, @QueryParam("reason") Reason reason,
            @QueryParam("since") OffsetDateTime since, @QueryParam("text") String text) {
        return List.of();
    }

    @POST
    @Path("/tree")
    public int tree(JsonNode body) {
        return body.size();
    }

    @GET
    @Path("/paged")
    public int paged(@QueryParam("page") int page, @QueryParam("size") int size) {
        return PageLimits.firstResult("page", page, size);
    }

    @GET
    @Path("/referrals/{id}")
    public String referral(@PathParam("id") UUID id) {
        return id.toString();
    }

    @GET
    @Path("/coordinators-only")
    @RolesAllowed("coordinator")
    public String coordinatorsOnly() {
        return "ok";
    }

    @GET
    @Path("/{id}")
    public String find(@PathParam("id") String id) {
        switch (id) {
            case "missing" -> throw ProblemException.notFound("Referral " + id);
            case "taken" -> throw ProblemException.conflict("An open referral already exists: r-1");
            case "no-consent" -> throw ProblemException.unprocessable("consent.given", "consent is required");
            default -> throw new IllegalStateException("secret internal detail 9434765919");
        }
    }
}
