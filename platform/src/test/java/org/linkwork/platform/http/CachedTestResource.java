package org.linkwork.platform.http;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An endpoint that chooses its own caching, as the open directory reads do. */
@Path("/cached-test")
public class CachedTestResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response get() {
        return Response.ok("{\"open\":true}").header("Cache-Control", "public, max-age=60").build();
    }
}
