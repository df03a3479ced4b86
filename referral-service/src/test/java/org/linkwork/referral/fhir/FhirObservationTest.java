package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.gprecord.GpRecordConcept;
import org.linkwork.referral.testing.CaseloadEvents;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirObservationTest {

    private static final String PRACTICE = "B86043";
    private static final String NHS = "patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C";

    private static Bundle search(String token, String query) {
        String body = given().auth().oauth2(token).accept(FhirResource.FHIR_JSON).urlEncodingEnabled(false)
                .get("/fhir/Observation?" + query).then().statusCode(200).extract().asString();
        return (Bundle) FhirValidation.assertValid(body);
    }

    private static List<String> codes(Bundle bundle) {
        return bundle.getEntry().stream().map(e -> ((Observation) e.getResource()).getCode().getCodingFirstRep().getCode()).toList();
    }

    @Test
    void aGpSystemFetchesWhatWasRecordedSinceItLastLookedAsValidObservations() {
        String nhs = Referrals.newNhsNumber();
        String id = FhirClient.refer(nhs, PRACTICE);
        String gp = Tokens.gpSystem(PRACTICE);
        Bundle all = search(gp, NHS + nhs);
        assertEquals(List.of("referral-accepted", "871731000000106"), codes(all), "newest first");
        Instant lastLooked = ((Observation) all.getEntryFirstRep().getResource()).getMeta().getLastUpdated().toInstant();

        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), caseId, "lw-amira"),
                CaseloadEvents.contactRecorded(UUID.fromString(id), caseId, true));
        await().atMost(Duration.ofSeconds(30)).until(() -> search(gp, NHS + nhs).getTotal() == 3);

        Bundle since = search(gp, NHS + nhs + "&_lastUpdated=gt" + lastLooked);
        assertEquals(List.of("first-contact"), codes(since));
        Observation contact = (Observation) since.getEntryFirstRep().getResource();
        assertEquals(GpRecordConcept.LINKWORK, contact.getCode().getCodingFirstRep().getSystem());
        assertEquals("ServiceRequest/" + id, contact.getBasedOnFirstRep().getReference());
        assertEquals(nhs, contact.getSubject().getIdentifier().getValue());
        assertEquals(Observation.ObservationStatus.FINAL, contact.getStatus());

        String read = given().auth().oauth2(gp).accept(FhirResource.FHIR_JSON).get("/fhir/Observation/" + contact.getIdPart())
                .then().statusCode(200).extract().asString();
        assertEquals("first-contact", ((Observation) FhirValidation.assertValid(read)).getCode().getCodingFirstRep().getCode());
        assertEquals(List.of("referral-accepted", "871731000000106"),
                codes(search(gp, "based-on=ServiceRequest/" + id + "&_lastUpdated=le" + lastLooked)));
    }

    @Test
    void pagesFollowNextLinksWithoutRepeatsOrGaps() {
        String nhs = Referrals.newNhsNumber();
        String id = FhirClient.refer(nhs, PRACTICE);
        String caseId = UUID.randomUUID().toString();
        CaseloadEvents.send(CaseloadEvents.assigned(UUID.fromString(id), caseId, "lw-amira"),
                CaseloadEvents.contactRecorded(UUID.fromString(id), caseId, true),
                CaseloadEvents.closed(UUID.fromString(id), caseId, "GOALS_MET"));
        String gp = Tokens.gpSystem(PRACTICE);
        await().atMost(Duration.ofSeconds(30)).until(() -> search(gp, NHS + nhs).getTotal() == 4);

        Set<String> seen = new HashSet<>();
        Bundle page = search(gp, NHS + nhs + "&_count=1");
        int pages = 1;
        while (true) {
            assertEquals(1, page.getEntry().size());
            assertTrue(seen.add(page.getEntryFirstRep().getResource().getIdPart()), "no update twice");
            if (page.getLink("next") == null) {
                break;
            }
            String next = page.getLink("next").getUrl();
            page = search(gp, next.substring(next.indexOf('?') + 1));
            pages++;
        }
        assertEquals(4, pages);
    }

    @Test
    void anotherPracticeSeesNoneOfThemAndOtherRolesAreRefused() {
        String nhs = Referrals.newNhsNumber();
        FhirClient.refer(nhs, PRACTICE);
        String mine = search(Tokens.gpSystem(PRACTICE), NHS + nhs).getEntryFirstRep().getResource().getIdPart();

        Bundle theirs = search(Tokens.gpSystem("B86010"), NHS + nhs);
        assertEquals(0, theirs.getTotal());
        given().auth().oauth2(Tokens.gpSystem("B86010")).get("/fhir/Observation/" + mine).then().statusCode(404)
                .body("resourceType", containsString("OperationOutcome"));
        given().get("/fhir/Observation?" + NHS + nhs).then().statusCode(401);
        given().get("/fhir/Observation/" + mine).then().statusCode(401);
        given().auth().oauth2(Tokens.linkWorker("lw-amira")).get("/fhir/Observation/" + mine).then().statusCode(403);
        given().auth().oauth2(Tokens.icsAnalyst()).get("/fhir/Observation").then().statusCode(403);
        given().auth().oauth2(Tokens.coordinator("coord-other", "U99999")).get("/fhir/Observation/" + mine).then().statusCode(404);
        assertFalse(search(Tokens.coordinator("coord-other", "U99999"), NHS + nhs).hasEntry());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "_lastUpdated=yesterday | _lastUpdated",
            "based-on=Task/123 | based-on",
            "patient:identifier=https://fhir.nhs.uk/Id/nhs-number%7C123 | patient.identifier",
            "code=871731000000106 | code",
            "_count=0 | _count",
            "_cursor=nowhere | _cursor" })
    void anUnreadableSearchIsA400NamingTheParameter(String query, String parameter) {
        given().auth().oauth2(Tokens.gpSystem(PRACTICE)).urlEncodingEnabled(false).get("/fhir/Observation?" + query)
                .then().statusCode(400).body("resourceType", containsString("OperationOutcome"))
                .body("issue[0].expression", hasItem(parameter));
    }
}
