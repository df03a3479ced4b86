package org.linkwork.directory.seed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.linkwork.directory.curation.DemoDirectory;
import org.linkwork.directory.curation.ImportView;
import org.linkwork.directory.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/** The Leeds demo directory, loaded at start through the ORUK import into a database of its own, as the local suite loads it. */
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

    /** Terms of the V3 vocabulary the searches below use: code and id. */
    static final Map<String, String> TERMS = new LinkedHashMap<>();

    static {
        TERMS.put("physical-activity", "aae47f1c-9101-50c1-acef-9a43fcbaf4f3");
        TERMS.put("walking", "160729ad-cb62-5c27-bba8-9dfc3849f792");
        TERMS.put("arts-and-crafts", "a0972893-b715-565a-ad1a-8d15b95934eb");
        TERMS.put("nature-and-gardening", "5afec80c-7033-5e5f-beb3-c763e4b67c56");
        TERMS.put("peer-support", "f03b917c-7a9e-517e-8693-dddb149085ee");
        TERMS.put("befriending", "a070c9e1-57e2-5932-ae19-b7c5bfaa8a2c");
        TERMS.put("money-and-debt-advice", "e685d536-24bc-590e-a2b3-120d2f2ba61a");
        TERMS.put("mental-wellbeing", "24615426-6239-5071-aaa7-df63245118a1");
        TERMS.put("social-groups", "7498f653-3c23-57d4-a511-2d3c3f5061bc");
    }

    /** What link workers prescribe most for loneliness, low mood, inactivity and debt. */
    static final List<String> CORE_TERMS = List.of("befriending", "peer-support", "social-groups", "mental-wellbeing",
            "arts-and-crafts", "nature-and-gardening", "physical-activity", "walking", "money-and-debt-advice");

    @Inject
    EntityManager entityManager;

    @Inject
    DemoDirectory demoDirectory;

    private long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    @Test
    void loadingItAgainAtTheNextStartImportsNothingAndKeepsPlacesTakenAndCuratorsEdits() {
        // Not a service the LS6 search below counts on: those all take link-worker referrals.
        UUID id = (UUID) QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("SELECT id FROM service WHERE status = 'active' AND NOT link_worker_referral ORDER BY id LIMIT 1")
                .getSingleResult());
        long version = ((Number) given().auth().oauth2(Tokens.curator()).get("/directory/services/" + id).then().statusCode(200)
                .extract().path("version")).longValue();
        given().auth().oauth2(Tokens.curator()).contentType(ContentType.JSON).body(Map.of("version", version))
                .post("/directory/curation/services/" + id + "/withdraw").then().statusCode(200);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("UPDATE service SET places_taken = places_taken + 3 WHERE id = ?1").setParameter(1, id).executeUpdate());
        long taken = count("SELECT places_taken FROM service WHERE id = '" + id + "'");

        ImportView again = demoDirectory.load();

        assertEquals(340, again.services());
        assertEquals(0, again.created() + again.updated());
        assertEquals(taken, count("SELECT places_taken FROM service WHERE id = '" + id + "'"));
        assertEquals(1, count("SELECT count(*) FROM service WHERE status = 'inactive' AND id = '" + id + "'"));
    }

    @Test
    void theDirectoryCoversLeedsAndTheWholeTaxonomy() {
        assertEquals(340, count("SELECT count(*) FROM service"));
        assertEquals(68, count("SELECT count(*) FROM organization"));
        assertEquals(84, count("SELECT count(*) FROM location"));
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
        for (String term : CORE_TERMS) {
            JsonPath page = given().auth().oauth2(Tokens.linkWorker()).queryParam("postcode", "LS6 4AA")
                    .queryParam("proximity", 5000).queryParam("taxonomy_term_id", TERMS.get(term))
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
