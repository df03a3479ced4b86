package org.linkwork.referral.fhir;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.linkwork.infra.RealInfrastructure;
import org.linkwork.referral.testing.Referrals;
import org.linkwork.referral.testing.Tokens;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

@QuarkusTest
@WithTestResource(value = RealInfrastructure.class, initArgs = @ResourceArg(name = "database", value = "referral"))
@WithTestResource(OidcWiremockTestResource.class)
class FhirSearchTest {

    private static final String NHS = "https://fhir.nhs.uk/Id/nhs-number|";
    private static final String ODS = "https://fhir.nhs.uk/Id/ods-organization-code|";

    @Test
    void searchByNhsNumberFindsThePatientsReferralWithThePatientIncluded() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String nhs = Referrals.newNhsNumber();
        String id = FhirClient.refer(nhs, practice);

        Bundle bundle = searchset(Tokens.gp("dr-patel", practice),
                "/fhir/ServiceRequest?patient:identifier=" + NHS + nhs + "&_include=ServiceRequest:patient");
        assertEquals(1, bundle.getTotal());
        assertEquals(2, bundle.getEntry().size());
        ServiceRequest request = (ServiceRequest) bundle.getEntry().get(0).getResource();
        assertEquals(id, request.getIdPart());
        assertEquals(Bundle.SearchEntryMode.MATCH, bundle.getEntry().get(0).getSearch().getMode());
        assertEquals("Patient/" + id, request.getSubject().getReference());
        Patient patient = (Patient) bundle.getEntry().get(1).getResource();
        assertEquals(Bundle.SearchEntryMode.INCLUDE, bundle.getEntry().get(1).getSearch().getMode());
        assertEquals(nhs, patient.getIdentifierFirstRep().getValue());
        assertEquals("unknown", patient.getGender().toCode());
        assertTrue(bundle.getEntry().get(1).getFullUrl().endsWith("/fhir/Patient/" + id));

        Bundle chained = searchset(Tokens.gp("dr-patel", practice), "/fhir/ServiceRequest?patient.identifier=" + NHS + nhs);
        assertEquals(List.of(id), ids(chained));
    }

    @Test
    void searchByRequesterPagesWithNextLinksThatDoNotShiftWhenReferralsArrive() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        List<String> referred = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            referred.add(0, FhirClient.refer(Referrals.newNhsNumber(), practice));
        }
        String token = Tokens.gp("dr-patel", practice);
        Bundle first = searchset(token, "/fhir/ServiceRequest?requester:identifier=" + ODS + practice + "&_count=2");
        assertEquals(3, first.getTotal());
        assertEquals(referred.subList(0, 2), ids(first));
        assertTrue(first.getLink("self").getUrl().contains("_count=2"));
        String next = first.getLink("next").getUrl();

        FhirClient.refer(Referrals.newNhsNumber(), practice);
        Bundle second = searchset(token, next);
        assertEquals(referred.subList(2, 3), ids(second));
        assertEquals(4, second.getTotal());
        assertEquals(null, second.getLink("next"));
    }

    @Test
    void searchByStatusAuthoredAndLastUpdatedNarrowsToTheMatchingReferrals() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String open = FhirClient.refer(Referrals.newNhsNumber(), practice);
        String cancelled = FhirClient.refer(Referrals.newNhsNumber(), practice);
        String token = Tokens.gp("dr-patel", practice);
        given().auth().oauth2(token).contentType("application/json").body("{\"reason\":\"MOVED_AWAY\"}")
                .post("/referrals/" + cancelled + "/cancel").then().statusCode(200);
        String ours = "/fhir/ServiceRequest?requester:identifier=" + ODS + practice;

        assertEquals(List.of(open), ids(searchset(token, ours + "&status=active")));
        assertEquals(List.of(cancelled), ids(searchset(token, ours + "&status=revoked")));
        assertEquals(List.of(cancelled, open), ids(searchset(token, ours + "&status=active,revoked")));
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertEquals(2, searchset(token, ours + "&authored=ge" + today + "&authored=le" + today).getTotal());
        assertEquals(0, searchset(token, ours + "&authored=lt" + today).getTotal());
        String inAnHour = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0).toInstant().toString();
        assertEquals(0, searchset(token, ours + "&authored=gt" + inAnHour).getTotal());
        assertEquals(2, searchset(token, ours + "&_lastUpdated=ge" + today).getTotal());
    }

    @Test
    void aGpOfAnotherPracticeFindsNothingAndMayNotNameAnotherPractice() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String nhs = Referrals.newNhsNumber();
        FhirClient.refer(nhs, practice);
        String otherGp = Tokens.gp("dr-other", "Y01234");

        Bundle none = searchset(otherGp, "/fhir/ServiceRequest?patient:identifier=" + NHS + nhs);
        assertEquals(0, none.getTotal());
        assertFalse(none.hasEntry());
        given().auth().oauth2(otherGp).get("/fhir/ServiceRequest?requester:identifier=" + ODS + practice)
                .then().statusCode(403).contentType(containsString(FhirClient.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome")).body("issue[0].code", equalTo("security"));
        given().get("/fhir/ServiceRequest?patient:identifier=" + NHS + nhs).then().statusCode(401)
                .body("resourceType", equalTo("OperationOutcome"));
    }

    @Test
    void aCoordinatorFindsAReferralFromOutsideTheNetworkInTheSharedTriageQueue() {
        String practice = FhirClient.newPracticeOutsideTheNetwork();
        String nhs = Referrals.newNhsNumber();
        String id = FhirClient.refer(nhs, practice);
        assertEquals(List.of(id), ids(searchset(Tokens.coordinator("coord-ann", "U12345"),
                "/fhir/ServiceRequest?patient:identifier=" + NHS + nhs)));
        assertEquals(0, searchset(Tokens.linkWorker("lw-nobody"), "/fhir/ServiceRequest?patient:identifier=" + NHS + nhs)
                .getTotal());
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
            "name=Hughes; name",
            "status=draft; status",
            "status=; status",
            "patient:identifier=https://example.org/mrn|123; patient.identifier",
            "patient:identifier=https://fhir.nhs.uk/Id/nhs-number|9434765918; patient.identifier",
            "requester:identifier=https://fhir.nhs.uk/Id/ods-organization-code|b86043; requester.identifier",
            "authored=yesterday; authored",
            "_lastUpdated=ge2026-13-01; _lastUpdated",
            "_count=1000; _count",
            "_count=two; _count",
            "_include=ServiceRequest:requester; _include",
            "_cursor=somewhere; _cursor",
            "status=active&status=revoked; status",
            "_sort=authored; _sort" })
    void anUnknownParameterOrUnreadableValueIsABadRequestNamingIt(String query, String parameter) {
        String outcome = given().auth().oauth2(Tokens.gp("dr-patel", "B86043")).get("/fhir/ServiceRequest?" + query)
                .then().statusCode(400).contentType(containsString(FhirClient.FHIR_JSON))
                .body("resourceType", equalTo("OperationOutcome"))
                .body("issue[0].code", equalTo("invalid"))
                .body("issue[0].expression", hasItem(parameter))
                .body("issue[0].diagnostics", not(empty()))
                .extract().asString();
        FhirValidation.assertValidR4(outcome);
    }

    static Bundle searchset(String token, String pathOrUrl) {
        Bundle bundle = (Bundle) FhirValidation.FHIR.newJsonParser().parseResource(FhirClient.validGet(token, pathOrUrl));
        assertEquals(Bundle.BundleType.SEARCHSET, bundle.getType());
        assertTrue(bundle.hasTotal());
        return bundle;
    }

    static List<String> ids(Bundle bundle) {
        return bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH)
                .map(e -> e.getResource().getIdPart()).toList();
    }
}
