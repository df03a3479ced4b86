package org.linkwork.outcomes.assessments;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.linkwork.infra.RealmTokens;
import org.linkwork.platform.events.CloudEvent;
import org.linkwork.testkit.EventTopics;

/** Cases assigned the way caseload-service announces it, so that outcomes-service learns who owns them. */
final class CaseAssignments {

    private CaseAssignments() {
    }

    static CloudEvent assigned(UUID caseId, String linkWorker, String pcn, OffsetDateTime at) {
        String data = """
                {"caseId":"%s","referralId":"%s","odsCode":"B86001","pcnCode":"%s","linkWorkerId":"%s",
                 "linkWorker":"%s","assignedAt":"%s"}""".formatted(caseId, UUID.randomUUID(), pcn, UUID.randomUUID(),
                linkWorker, at);
        return new CloudEvent(UUID.randomUUID().toString(), "/caseload-service", "org.linkwork.case.assigned.v1",
                caseId.toString(), OffsetDateTime.now(ZoneOffset.UTC), CloudEvent.JSON, data);
    }

    /** A new case assigned to {@code linkWorker}, once this service has learnt it. */
    static UUID assignedCase(String linkWorker, String pcn) {
        UUID caseId = UUID.randomUUID();
        EventTopics.publish("caseload-events", assigned(caseId, linkWorker, pcn, OffsetDateTime.now(ZoneOffset.UTC)));
        String token = RealmTokens.user(linkWorker, "link-worker", Map.of("pcn", pcn));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token)
                .get("/outcomes/cases/" + caseId).statusCode() == 200);
        return caseId;
    }
}
