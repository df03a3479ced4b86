package org.linkwork.directory.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.path.json.JsonPath;

/** The Leeds demo directory, loaded by the platform's DemoData into a database of its own as the local suite loads it. */
@QuarkusTest
@TestProfile(DemoDirectoryTest.WithDemoData.class)
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "directory_demo"))
@WithTestResource(OidcWiremockTestResource.class)
class DemoDirectoryTest {

    public static class WithDemoData implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("linkwork.demo-data.enabled", "true");
        }
    }

    @Inject
    EntityManager entityManager;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void theCommittedMigrationIsTheGeneratorsOutput() throws IOException {
        try (InputStream committed = getClass().getResourceAsStream("/db/demo/leeds-directory.sql")) {
            assertEquals(LeedsDemoDirectory.sql(), new String(committed.readAllBytes(), StandardCharsets.UTF_8),
                    "regenerate db/demo/leeds-directory.sql with LeedsDemoDirectory (see its javadoc)");
        }
    }

    @Test
    void theDirectoryCoversLeedsAndTheWholeTaxonomy() {
        assertTrue(count("SELECT count(*) FROM service WHERE status = 'active'") >= 300);
        assertTrue(count("SELECT count(DISTINCT organization_id) FROM service WHERE status = 'active'") >= 60);
        assertEquals(count("SELECT count(*) FROM taxonomy_term WHERE taxonomy_id = '8106ae87-ef08-5db8-863c-b7a12789d026'"),
                count("SELECT count(DISTINCT a.taxonomy_term_id) FROM attribute a JOIN service s ON s.id = a.service_id"
                        + " WHERE s.status = 'active'"));
        assertEquals(0, count("SELECT count(*) FROM location WHERE postal_code NOT SIMILAR TO 'LS[0-9]{1,2} [0-9][A-Z]{2}'"));
        assertTrue(count("SELECT count(DISTINCT split_part(postal_code, ' ', 1)) FROM location") >= 25);
        assertTrue(count("SELECT count(DISTINCT byday) FROM schedule") >= 7);
        assertTrue(count("SELECT count(DISTINCT service_id) FROM cost_option WHERE amount = 0") >= 100);
        assertTrue(count("SELECT count(DISTINCT service_id) FROM cost_option WHERE amount > 0") >= 100);
        assertTrue(count("SELECT count(DISTINCT (minimum_age, maximum_age)) FROM service") >= 5);
        assertTrue(count("SELECT count(*) FROM service WHERE places_per_session - places_taken BETWEEN 0 AND 1") >= 20);
        assertTrue(count("SELECT count(*) FROM service WHERE places_per_session IS NULL") >= 10);
        assertTrue(count("SELECT count(*) FROM service WHERE NOT link_worker_referral") >= 10);
        assertTrue(count("SELECT count(DISTINCT location_id) FROM accessibility") >= 60);
    }

    @Test
    void aSeventyYearOldInLs6FindsFreeActivitiesWithPlacesForLonelinessLowMoodInactivityAndDebt() {
        for (String term : LeedsDemoDirectory.CORE_TERMS) {
            JsonPath page = given().auth().oauth2(Tokens.linkWorker()).queryParam("postcode", "LS6 4AA")
                    .queryParam("proximity", 5000).queryParam("taxonomy_term_id", LeedsDemoDirectory.TERMS.get(term))
                    .queryParam("minimum_age", 70).queryParam("maximum_age", 70).get("/directory/services").then()
                    .statusCode(200).extract().jsonPath();
            List<Map<String, Object>> suitable = page.<Map<String, Object>>getList("contents").stream()
                    .filter(s -> ((Map<?, ?>) s.get("referral")).get("link_worker_referral").equals(true))
                    .filter(s -> hasFreePlaces((Map<?, ?>) s.get("capacity")))
                    .filter(s -> ((List<?>) s.get("cost_options")).stream()
                            .allMatch(c -> ((Number) ((Map<?, ?>) c).get("amount")).doubleValue() == 0))
                    .toList();
            assertFalse(suitable.size() < 2, term + ": " + suitable.size() + " free services with places near LS6");
        }
    }

    /** A drop-in without a fixed number of places has no places_available and always room. */
    private static boolean hasFreePlaces(Map<?, ?> capacity) {
        Object available = capacity.get("places_available");
        return available == null || ((Number) available).intValue() > 0;
    }
}
