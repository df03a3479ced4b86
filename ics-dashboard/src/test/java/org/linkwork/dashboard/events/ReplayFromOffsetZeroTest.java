package org.linkwork.dashboard.events;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.MockConsumer;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.linkwork.dashboard.StreamEvents;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.infra.RealmTokens;
import org.linkwork.testkit.EventTopics;

import io.agroal.api.AgroalDataSource;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/**
 * An emptied database makes the dashboard read ics-events from offset 0 again, although its group has committed
 * offsets; a database holding figures resumes where the group left off. Its own database, which this test empties.
 */
@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "dashboardreplay"))
@WithTestResource(OidcWiremockTestResource.class)
class ReplayFromOffsetZeroTest {

    static final TopicPartition PARTITION = new TopicPartition(StreamEvents.TOPIC, 0);

    @Inject
    @Identifier(IcsEventsReplay.NAME)
    IcsEventsReplay replay;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void anEmptiedDatabaseIsRebuiltFromTheStartOfTheStreamAndAFullOneResumes() throws SQLException {
        String pcn = StreamEvents.pcn();
        EventTopics.publish(StreamEvents.TOPIC, StreamEvents.workforceChanged(StreamEvents.pseudonym(), pcn, "1.00",
                true, OffsetDateTime.now(ZoneOffset.UTC)));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().basePath("")
                .auth().oauth2(RealmTokens.user("analyst-test", "ics-analyst", Map.of())).get("/dashboard/figures")
                .jsonPath().getList("workforce.pcns.pcnCode").contains(pcn));

        assertEquals(42, positionAfterAssignment(), "a database holding figures resumes at the committed offset");

        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("TRUNCATE journey, practice_pcn, link_worker, assessment_score, inbox_event");
        }
        assertEquals(0, positionAfterAssignment(), "an emptied database reads the topic from its beginning");
    }

    /** Where a consumer whose group committed offset 42 reads from once the partition is assigned to it. */
    private long positionAfterAssignment() {
        MockConsumer<String, String> consumer = new MockConsumer<>("earliest");
        consumer.assign(List.of(PARTITION));
        consumer.updateBeginningOffsets(Map.of(PARTITION, 0L));
        consumer.seek(PARTITION, 42);
        replay.onPartitionsAssigned(consumer, List.of(PARTITION));
        return consumer.position(PARTITION);
    }
}
