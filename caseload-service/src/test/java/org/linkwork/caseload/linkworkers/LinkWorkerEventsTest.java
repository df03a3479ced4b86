package org.linkwork.caseload.linkworkers;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.linkwork.caseload.testing.CaseloadFixtures;
import org.linkwork.caseload.testing.Tokens;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.testkit.EventSchemas;
import org.linkwork.testkit.EventTopics;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import io.restassured.http.ContentType;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "caseload"))
@WithTestResource(OidcWiremockTestResource.class)
class LinkWorkerEventsTest {

    private static final String CHANGED = "org.linkwork.link-worker.changed.v1";

    @Inject
    DataSource dataSource;

    @Test
    void addingAndChangingALinkWorkerPublishesTheirPcnAndHoursButNotWhoTheyAre() throws Exception {
        String pcn = "U50263";
        String username = CaseloadFixtures.uniqueUsername("lw-wf");
        String id = CaseloadFixtures.addWorker(pcn, username, 5);
        given().auth().oauth2(Tokens.coordinator(pcn)).contentType(ContentType.JSON)
                .body(Map.of("username", username, "name", "Test " + username, "pcnCode", pcn, "fte", 0.6,
                        "languages", List.of(), "active", false))
                .put("/link-workers/" + id).then().statusCode(200);

        List<ConsumerRecord<String, String>> events = EventTopics.eventsOf("caseload-events", id, 2);
        assertEquals(List.of(CHANGED, CHANGED), events.stream().map(e -> EventTopics.header(e, "ce_type")).toList());
        for (ConsumerRecord<String, String> event : events) {
            EventSchemas.assertValid(CHANGED, event.value());
        }
        assertTrue(events.get(0).value().contains("\"fte\":1.0"), events.get(0).value());
        assertTrue(events.get(1).value().contains("\"fte\":0.6") && events.get(1).value().contains("\"active\":false"),
                events.get(1).value());
        events.forEach(event -> assertFalse(event.value().contains(username), "names the worker: " + event.value()));
    }

    @Test
    void theMigrationAnnouncesEveryLinkWorkerAddedBeforeTheEventExisted() throws Exception {
        String schema = "announce_" + Long.toHexString(System.nanoTime());
        Flyway flyway = Flyway.configure().dataSource(dataSource).schemas(schema).createSchemas(true)
                .locations("db/platform", "db/migration").placeholders(Map.of("eventSource", "/caseload-service"))
                .target("4").load();
        flyway.migrate();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("INSERT INTO " + schema + """
                    .link_worker (id, username, name, pcn_code, fte, languages, active, version)
                    VALUES ('6f1c2b9e-0000-4000-8000-000000000001', 'lw-before', 'Before', 'U50263', 0.8, '', true, 0),
                           ('6f1c2b9e-0000-4000-8000-000000000002', 'lw-left', 'Left', 'U11393', 1.0, '', false, 0)""");
        }
        Flyway.configure().configuration(flyway.getConfiguration()).target("latest").load().migrate();

        List<String> payloads = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT aggregate_key, event_type, event_source, payload FROM "
                    + schema + ".outbox_event ORDER BY seq")) {
                while (rows.next()) {
                    assertEquals(CHANGED, rows.getString("event_type"));
                    assertEquals("/caseload-service", rows.getString("event_source"));
                    assertTrue(rows.getString("payload").contains(rows.getString("aggregate_key")));
                    payloads.add(rows.getString("payload"));
                }
            }
            sql.execute("DROP SCHEMA " + schema + " CASCADE");
        }
        assertEquals(2, payloads.size());
        for (String payload : payloads) {
            EventSchemas.assertValid(CHANGED, payload);
        }
        assertTrue(payloads.get(1).contains("\"active\": false") || payloads.get(1).contains("\"active\":false"));
    }
}
