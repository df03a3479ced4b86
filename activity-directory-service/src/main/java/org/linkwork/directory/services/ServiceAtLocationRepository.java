package org.linkwork.directory.services;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.panache.common.Page;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ServiceAtLocationRepository implements PanacheRepositoryBase<ServiceAtLocation, UUID> {

    /** One page of where active services are delivered, by service name, and how many there are; each filter may be null. */
    record Found(long total, List<ServiceAtLocation> page) {
    }

    Found findActive(UUID termId, UUID taxonomyId, UUID organizationId, OffsetDateTime modifiedAfter, Page page) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder where = new StringBuilder(" WHERE s.status = 'active'");
        if (organizationId != null) {
            where.append(" AND s.organization.id = :organization");
            parameters.put("organization", organizationId);
        }
        if (termId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM Attribute a WHERE a.service = s AND a.term.id = :term)");
            parameters.put("term", termId);
        }
        if (taxonomyId != null) {
            where.append(" AND EXISTS (SELECT 1 FROM Attribute a WHERE a.service = s AND a.term.taxonomy.id = :taxonomy)");
            parameters.put("taxonomy", taxonomyId);
        }
        if (modifiedAfter != null) {
            where.append(" AND s.lastModified >= :modified");
            parameters.put("modified", modifiedAfter);
        }
        // The count needs its own statement: a fetch join has no meaning in it.
        long total = count("FROM ServiceAtLocation sal JOIN sal.service s" + where, parameters);
        return new Found(total, find("SELECT sal FROM ServiceAtLocation sal JOIN FETCH sal.service s JOIN FETCH sal.location" + where
                + " ORDER BY s.name, sal.id", parameters).page(page).list());
    }
}
