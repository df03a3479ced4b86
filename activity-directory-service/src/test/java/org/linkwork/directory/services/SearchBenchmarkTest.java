package org.linkwork.directory.services;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.jboss.logging.Logger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * Load driver for the search, not part of {@code verify}: {@code ./mvnw -B -pl activity-directory-service verify -Pbenchmark}.
 * Fills a database of its own with 100,000 generated services (skipped when it already holds them), warms up,
 * then times text + taxonomy_term_id + postcode with 5 km proximity searches through the HTTP API and
 * through {@link ServiceCatalogue#search} alone, and prints p50/p99 and the page query's EXPLAIN ANALYZE.
 */
@Tag("benchmark")
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory_benchmark"))
@WithTestResource(OidcWiremockTestResource.class)
class SearchBenchmarkTest {

    private static final Logger LOG = Logger.getLogger(SearchBenchmarkTest.class);
    private static final int SERVICES = 100_000;
    private static final int WARM_UP = 200;
    private static final int MEASURED = 1_000;

    /** Text, term and postcode of the searches, taken in turn: what link workers look for in four parts of Leeds. */
    private static final String[][] SEARCHES = {
            {"walk", "160729ad-cb62-5c27-bba8-9dfc3849f792", "LS6 4AA"},
            {"art", "a0972893-b715-565a-ad1a-8d15b95934eb", "LS8 2AB"},
            {"advice", "e685d536-24bc-590e-a2b3-120d2f2ba61a", "LS11 5AA"},
            {"friendship", "a070c9e1-57e2-5932-ae19-b7c5bfaa8a2c", "LS13 1AA"}};

    @Inject
    EntityManager entityManager;

    @Inject
    ServiceCatalogue search;

    @Inject
    Postcodes postcodes;

    @Test
    void textTaxonomyAndFiveKilometreSearchOverOneHundredThousandServices() {
        generate();
        String token = Tokens.linkWorker();
        long[] http = time(i -> httpSearch(token, i, "true"));
        long[] httpListed = time(i -> httpSearch(token, i, "false"));
        long[] direct = time(i -> search.search(criteria(SEARCHES[i % SEARCHES.length]), true, ServiceView.Representation.FULL));
        long[] directListed = time(i -> search.search(criteria(SEARCHES[i % SEARCHES.length]), true, ServiceView.Representation.LIST));
        List<Long> found = new ArrayList<>();
        for (String[] s : SEARCHES) {
            found.add(search.search(criteria(s), true, ServiceView.Representation.LIST).totalItems());
        }
        String plan = explain(criteria(SEARCHES[0]));
        LOG.infof("%n%d services; results per search %s%nHTTP API, fully nested          p50 %.1f ms  p99 %.1f ms"
                + "%nHTTP API, full=false (service_list) p50 %.1f ms  p99 %.1f ms"
                + "%nServiceCatalogue.search, nested  p50 %.1f ms  p99 %.1f ms%nServiceCatalogue.search, listed  p50 %.1f ms  p99 %.1f ms"
                + "%nEXPLAIN ANALYZE of the page query (walk, walking, LS6 4AA, 5 km):%n%s", count("SELECT count(*) FROM service"),
                found, percentile(http, 50), percentile(http, 99), percentile(httpListed, 50), percentile(httpListed, 99),
                percentile(direct, 50), percentile(direct, 99), percentile(directListed, 50), percentile(directListed, 99), plan);
        assertTrue(found.stream().allMatch(n -> n > 0), "every search finds something: " + found);
        assertFalse(plan.contains("Seq Scan on service "), plan);
        assertTrue(plan.contains("service_search") || plan.contains("location_coordinates"), plan);
    }

    private static void httpSearch(String token, int i, String full) {
        String[] s = SEARCHES[i % SEARCHES.length];
        given().auth().oauth2(token).queryParam("text", s[0]).queryParam("taxonomy_term_id", s[1]).queryParam("postcode", s[2])
                .queryParam("proximity", 5000).queryParam("full", full).get("/directory/services").then().statusCode(200);
    }

    private interface Run {
        void run(int i);
    }

    private static long[] time(Run run) {
        for (int i = 0; i < WARM_UP; i++) {
            run.run(i);
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            run.run(i);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static double percentile(long[] sorted, int p) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }

    private SearchCriteria criteria(String[] s) {
        return new SearchCriteria(s[0], UUID.fromString(s[1]), null, null, null, postcodes.locate(s[2]).orElseThrow(), 5000, null, null,
                null, 1, 50);
    }

    private String explain(SearchCriteria criteria) {
        ServiceRepository.Statements statements = ServiceRepository.statements(criteria);
        String sql = "EXPLAIN (ANALYZE, BUFFERS) " + statements.page();
        return QuarkusTransaction.requiringNew().call(() -> {
            Query query = ServiceRepository.bind(entityManager.createNativeQuery(sql), sql, statements.parameters());
            StringBuilder plan = new StringBuilder();
            for (Object line : query.getResultList()) {
                plan.append(line).append('\n');
            }
            return plan.toString();
        });
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /**
     * 100,000 services of 5,000 organisations at 50,000 venues: 30% of venues in West Yorkshire, the rest
     * across England, names and descriptions drawn from activity words, one to three taxonomy terms each.
     */
    private void generate() {
        if (count("SELECT count(*) FROM service") >= SERVICES) {
            return;
        }
        long start = System.nanoTime();
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            entityManager.createNativeQuery("SELECT setseed(0.42)").getResultList();
            for (String sql : List.of(
                    "INSERT INTO organization (id, name, description) SELECT md5('org' || g)::uuid, 'Organisation ' || g,"
                            + " 'Generated for the benchmark' FROM generate_series(1, 5000) g",
                    "INSERT INTO location (id, organization_id, name, postal_code, latitude, longitude)"
                            + " SELECT md5('loc' || g)::uuid, md5('org' || (1 + g % 5000))::uuid, 'Venue ' || g, 'LS6 3HN',"
                            + " CASE WHEN g % 10 < 3 THEN 53.6 + random() * 0.4 ELSE 50.6 + random() * 4.4 END,"
                            + " CASE WHEN g % 10 < 3 THEN -1.9 + random() * 0.7 ELSE -3.5 + random() * 4.0 END"
                            + " FROM generate_series(1, 50000) g",
                    "INSERT INTO service (id, organization_id, name, description, status, minimum_age, places_per_session)"
                            + " SELECT md5('svc' || g)::uuid, md5('org' || (1 + g % 5000))::uuid,"
                            + " (ARRAY['Health','Community','Friendly','Gentle','Evening','Morning','Riverside','Park'])[1 + g % 8] || ' '"
                            + " || (ARRAY['walk','art club','choir','advice drop-in','friendship group','garden','yoga','lunch club',"
                            + "'book club','dance class','craft cafe','men''s shed'])[1 + (random() * 11)::int] || ' ' || g,"
                            + " (ARRAY['A weekly group for local people.','Meet others and try something new.',"
                            + "'Free advice on money, debt and benefits.','Walking and talking in the fresh air.',"
                            + "'Painting, drawing and making with friendly tutors.','Tea, cake and good company.'])[1 + (random() * 5)::int],"
                            + " CASE WHEN g % 50 = 0 THEN 'inactive' ELSE 'active' END, (ARRAY[0, 16, 18, 50])[1 + g % 4],"
                            + " 8 + g % 20 FROM generate_series(1, " + SERVICES + ") g",
                    "INSERT INTO service_at_location (id, service_id, location_id)"
                            + " SELECT md5('sal' || g)::uuid, md5('svc' || g)::uuid, md5('loc' || (1 + g % 50000))::uuid"
                            + " FROM generate_series(1, " + SERVICES + ") g",
                    "INSERT INTO attribute (id, service_id, taxonomy_term_id)"
                            + " SELECT DISTINCT ON (service_id, term) md5('att' || g || '/' || k)::uuid, service_id, term FROM ("
                            + " SELECT g, k, md5('svc' || g)::uuid AS service_id, (SELECT id FROM taxonomy_term ORDER BY code"
                            + " OFFSET (abs(hashtext(g || '/' || k)) % 20) LIMIT 1) AS term"
                            + " FROM generate_series(1, " + SERVICES + ") g, generate_series(1, 1 + g % 3) k) picked",
                    "ANALYZE")) {
                entityManager.createNativeQuery(sql).executeUpdate();
            }
        });
        LOG.infof("generated %d services in %.0f s", SERVICES, (System.nanoTime() - start) / 1e9);
    }
}
