package org.linkwork.directory.services;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/**
 * Services, and the service search as one native SQL query: full-text match (GIN index), taxonomy, age, day and
 * proximity filters. Proximity first cuts a bounding box on the indexed coordinates, then keeps
 * the exact great-circle distance (haversine in SQL, as the embedded PostgreSQL has neither
 * PostGIS nor earthdistance) and orders by it.
 */
@ApplicationScoped
public class ServiceRepository implements PanacheRepositoryBase<Service, UUID> {

    private static final double EARTH_RADIUS_METRES = 6_371_008.8;
    private static final String DISTANCE = "(" + EARTH_RADIUS_METRES + " * 2 * asin(sqrt(power(sin(radians(l.latitude - :lat) / 2), 2)"
            + " + cos(radians(:lat)) * cos(radians(l.latitude)) * power(sin(radians(l.longitude - :lon) / 2), 2))))";

    /** The count and the page statement of one search, with the parameters they bind. */
    record Statements(String count, String page, Map<String, Object> parameters) {
    }

    /** One page of a search: the services in order with their distance in metres (null when not near a postcode). */
    public record Found(long total, Map<Service, Long> services) {
    }

    /** Full-text search and proximity need native SQL (tsvector, haversine over indexed coordinates). */
    Found search(SearchCriteria criteria) {
        Statements statements = statements(criteria);
        Query count = bind(getEntityManager().createNativeQuery(statements.count()), statements.count(), statements.parameters());
        long total = ((Number) count.getSingleResult()).longValue();

        Query page = bind(getEntityManager().createNativeQuery(statements.page()), statements.page(), statements.parameters());
        Map<UUID, Long> distances = new LinkedHashMap<>();
        for (Object row : page.getResultList()) {
            Object[] columns = (Object[]) row;
            distances.put((UUID) columns[0], columns[1] == null ? null : Math.round(((Number) columns[1]).doubleValue()));
        }
        Map<UUID, Service> services = distances.isEmpty() ? Map.of()
                : find("FROM Service s JOIN FETCH s.organization WHERE s.id IN ?1", distances.keySet()).stream()
                        .collect(Collectors.toMap(s -> s.id, s -> s));
        Map<Service, Long> found = new LinkedHashMap<>();
        distances.forEach((id, distance) -> found.put(services.get(id), distance));
        return new Found(total, found);
    }

    /**
     * Moves places taken by {@code change} (never below 0) without touching the version: places are live data,
     * not curated content. Native for the row lock and RETURNING, so the caller learns places before and after
     * even when two prescriptions of one service arrive at once. Empty when the service is not in the directory.
     */
    public Optional<PlacesTaken> movePlacesTaken(UUID id, int change) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("UPDATE service s SET places_taken = greatest(s.places_taken + ?1, 0)"
                + " FROM (SELECT id, places_taken FROM service WHERE id = ?2 FOR UPDATE) old WHERE s.id = old.id"
                + " RETURNING s.name, s.places_per_session, old.places_taken, s.places_taken")
                .setParameter(1, change).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> new PlacesTaken(id, (String) row[0],
                row[1] == null ? null : ((Number) row[1]).intValue(), ((Number) row[2]).intValue(), ((Number) row[3]).intValue()));
    }

    /** A service's places taken before and after a change; {@code placesPerSession} null for a drop-in without a limit. */
    public record PlacesTaken(UUID serviceId, String name, Integer placesPerSession, int before, int after) {
    }

    /** Moves the version by one although no column of the service changed (only its child rows). */
    /**
     * Waits for any other instance seeding the demo directory, until this transaction ends: replicas starting
     * together would otherwise each find the directory empty and import it twice (a PostgreSQL advisory lock).
     */
    public void awaitOtherSeeding() {
        getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('linkwork-demo-directory'))").getSingleResult();
    }

    public void forceNewVersion(Service service) {
        getEntityManager().lock(service, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
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
