package org.linkwork.directory.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.linkwork.directory.service.Service;
import org.linkwork.directory.service.ServiceView;

/**
 * The service search as one SQL query: full-text match (GIN index), taxonomy, age, day and
 * proximity filters. Proximity first cuts a bounding box on the indexed coordinates, then keeps
 * the exact great-circle distance (haversine in SQL, as the embedded PostgreSQL has neither
 * PostGIS nor earthdistance) and orders by it.
 */
@ApplicationScoped
public class ServiceSearch {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final String DISTANCE = "(" + EARTH_RADIUS_METRES + " * 2 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2))))";

    @Inject
    EntityManager entityManager;

    /** The count and the page statement of one search, with the parameters they bind. */
    record Statements(String count, String page, Map<String, Object> parameters) {
    }

    @Transactional
    public Page<ServiceView> search(SearchCriteria criteria) {
        Statements statements = statements(criteria);
        Query count = bind(entityManager.createNativeQuery(statements.count()), statements.count(), statements.parameters());
        long total = ((Number) count.getSingleResult()).longValue();

        Query page = bind(entityManager.createNativeQuery(statements.page()), statements.page(), statements.parameters());
        Map<UUID, Long> distances = new LinkedHashMap<>();
        for (Object row : page.getResultList()) {
            Object[] columns = (Object[]) row;
            distances.put((UUID) columns[0], columns[1] == null ? null : Math.round(((Number) columns[1]).doubleValue()));
        }
        Map<UUID, Service> services = new HashMap<>();
        if (!distances.isEmpty()) {
            entityManager.createQuery("SELECT s FROM Service s JOIN FETCH s.organization WHERE s.id IN :ids", Service.class)
                    .setParameter("ids", distances.keySet()).getResultList().forEach(s -> services.put(s.id, s));
        }
        List<ServiceView> contents = distances.entrySet().stream()
                .map(e -> ServiceView.of(services.get(e.getKey()), e.getValue())).toList();
        return Page.of(contents, total, criteria.page(), criteria.perPage());
    }

    static Statements statements(SearchCriteria criteria) {
        Map<String, Object> parameters = new HashMap<>();
        StringBuilder from = new StringBuilder(" FROM service s");
        List<String> where = new ArrayList<>(List.of("s.status = 'active'"));
        List<String> having = new ArrayList<>();
        boolean near = criteria.near() != null;
        if (near) {
            from.append(" JOIN service_at_location sal ON sal.service_id = s.id JOIN location l ON l.id = sal.location_id");
            where.add("l.latitude IS NOT NULL");
            parameters.put("lat", criteria.near().latitude());
            parameters.put("lon", criteria.near().longitude());
            if (criteria.proximityMetres() != null) {
                double latDelta = Math.toDegrees(criteria.proximityMetres() / EARTH_RADIUS_METRES);
                double lonDelta = latDelta / Math.max(0.01, Math.cos(Math.toRadians(criteria.near().latitude())));
                where.add("l.latitude BETWEEN :latMin AND :latMax AND l.longitude BETWEEN :lonMin AND :lonMax");
                parameters.put("latMin", criteria.near().latitude() - latDelta);
                parameters.put("latMax", criteria.near().latitude() + latDelta);
                parameters.put("lonMin", criteria.near().longitude() - lonDelta);
                parameters.put("lonMax", criteria.near().longitude() + lonDelta);
                having.add("min" + DISTANCE + " <= :proximity");
                parameters.put("proximity", criteria.proximityMetres().doubleValue());
            }
        }
        if (criteria.text() != null) {
            where.add("s.search_vector @@ websearch_to_tsquery('english', :text)");
            parameters.put("text", criteria.text());
        }
        if (criteria.taxonomyTermId() != null) {
            where.add("EXISTS (SELECT 1 FROM attribute a WHERE a.service_id = s.id AND a.taxonomy_term_id = :term)");
            parameters.put("term", criteria.taxonomyTermId());
        }
        if (criteria.taxonomyId() != null) {
            where.add("EXISTS (SELECT 1 FROM attribute a JOIN taxonomy_term t ON t.id = a.taxonomy_term_id"
                    + " WHERE a.service_id = s.id AND t.taxonomy_id = :taxonomy)");
            parameters.put("taxonomy", criteria.taxonomyId());
        }
        if (criteria.organizationId() != null) {
            where.add("s.organization_id = :organization");
            parameters.put("organization", criteria.organizationId());
        }
        if (criteria.modifiedAfter() != null) {
            where.add("s.last_modified >= :modifiedAfter");
            parameters.put("modifiedAfter", criteria.modifiedAfter());
        }
        if (criteria.minimumAge() != null) {
            where.add("(s.maximum_age IS NULL OR s.maximum_age >= :minimumAge)");
            parameters.put("minimumAge", criteria.minimumAge());
        }
        if (criteria.maximumAge() != null) {
            where.add("(s.minimum_age IS NULL OR s.minimum_age <= :maximumAge)");
            parameters.put("maximumAge", criteria.maximumAge());
        }
        if (criteria.day() != null) {
            where.add("EXISTS (SELECT 1 FROM schedule sc WHERE sc.service_id = s.id AND :day = ANY (string_to_array(sc.byday, ',')))");
            parameters.put("day", criteria.day());
        }
        String filtered = from + " WHERE " + String.join(" AND ", where) + " GROUP BY s.id"
                + (having.isEmpty() ? "" : " HAVING " + String.join(" AND ", having));

        String order = near ? "distance, s.name, s.id"
                : criteria.text() != null ? "ts_rank(s.search_vector, websearch_to_tsquery('english', :text)) DESC, s.name, s.id"
                        : "s.name, s.id";
        parameters.put("limit", criteria.perPage());
        parameters.put("offset", (long) (criteria.page() - 1) * criteria.perPage());
        return new Statements("SELECT count(*) FROM (SELECT s.id" + filtered + ") matched",
                "SELECT s.id, " + (near ? "min" + DISTANCE : "NULL") + " AS distance" + filtered + " ORDER BY " + order
                        + " LIMIT :limit OFFSET :offset",
                parameters);
    }

    /** Binds the parameters the statement uses: the count needs no distance centre unless it filters by proximity. */
    static Query bind(Query query, String sql, Map<String, Object> parameters) {
        parameters.forEach((name, value) -> {
            if (Pattern.compile(":" + name + "\\b").matcher(sql).find()) {
                query.setParameter(name, value);
            }
        });
        return query;
    }
}
