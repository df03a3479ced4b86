package org.linkwork.platform.outage;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A read that needs the database, as every service resource does. */
@Path("/outage-test/outbox-backlog")
public class OutboxBacklogResource {

    private final EntityManager entityManager;

    OutboxBacklogResource(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Transactional
    public String count() {
        return String.valueOf(entityManager.createNativeQuery("SELECT count(*) FROM outbox_event").getSingleResult());
    }
}
