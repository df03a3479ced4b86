package org.linkwork.caseload.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.linkwork.caseload.directory.DirectoryTerm;
import org.linkwork.caseload.suggestions.ReasonTerms.Reason;
import org.linkwork.caseload.suggestions.SuggestionRanking.Candidate;
import org.linkwork.caseload.suggestions.SuggestionRanking.CostCategory;
import org.linkwork.caseload.suggestions.SuggestionRanking.Patient;
import org.linkwork.caseload.suggestions.SuggestionRanking.Price;
import org.linkwork.caseload.suggestions.SuggestionRanking.Ranked;
import org.linkwork.caseload.suggestions.SuggestionRanking.Result;

class SuggestionRankingTest {

    static final Patient SEVENTY_EIGHT = new Patient(78, Set.of(), Set.of());
    static final List<Price> FREE = List.of(new Price(BigDecimal.ZERO, "GBP", "Per session"));
    static final List<Price> PAID = List.of(new Price(new BigDecimal("2.50"), "GBP", "Per session"));

    static Candidate candidate(String id, long distance, List<Price> prices, Integer places, Set<Reason> reasons) {
        return new Candidate(id, "Service " + id, "Org", distance, null, null, prices, places, List.of(), reasons,
                EnumSet.of(DirectoryTerm.SOCIAL_GROUPS));
    }

    static List<String> order(Result result) {
        return result.suggestions().stream().map(r -> r.candidate().serviceId()).toList();
    }

    @Test
    void moreReasonsAnsweredThenFreeThenNearer() {
        Set<Reason> one = Set.of(Reason.LONELINESS);
        Set<Reason> two = Set.of(Reason.LONELINESS, Reason.PHYSICAL_INACTIVITY);
        Result result = SuggestionRanking.rank(SEVENTY_EIGHT, List.of(
                candidate("paid-near", 300, PAID, 5, one),
                candidate("free-far", 5000, FREE, 5, one),
                candidate("free-near", 900, FREE, 5, one),
                candidate("both-reasons-paid-far", 7000, PAID, 5, two),
                candidate("unknown-cost", 100, List.of(), 5, one)));
        assertEquals(List.of("both-reasons-paid-far", "free-near", "free-far", "unknown-cost", "paid-near"), order(result));
        assertEquals(CostCategory.PAID, result.suggestions().get(0).cost().category());
        assertEquals(new BigDecimal("2.50"), result.suggestions().get(0).cost().fromAmount());
    }

    @Test
    void fullServicesComeLastButStay() {
        Result result = SuggestionRanking.rank(SEVENTY_EIGHT, List.of(
                candidate("full-best", 100, FREE, 0, Set.of(Reason.LONELINESS, Reason.LOW_MOOD)),
                candidate("open", 4000, PAID, 2, Set.of(Reason.LONELINESS)),
                candidate("no-limit", 5000, PAID, null, Set.of(Reason.LONELINESS))));
        assertEquals(List.of("open", "no-limit", "full-best"), order(result));
        Ranked full = result.suggestions().get(2);
        assertTrue(full.full());
        assertTrue(full.why().contains("full at present"), full.why());
    }

    @Test
    void servicesOutsideThePatientsAgesAndThoseAlreadyPrescribedAreLeftOut() {
        Candidate youth = new Candidate("youth", "Youth Dance", "Org", 100L, 11, 18, FREE, 5, List.of(),
                Set.of(Reason.LONELINESS), EnumSet.of(DirectoryTerm.DANCE));
        Candidate underSeventy = new Candidate("u70", "Under 70s", "Org", 100L, null, 70, FREE, 5, List.of(),
                Set.of(Reason.LONELINESS), EnumSet.of(DirectoryTerm.DANCE));
        Candidate overSixtyFive = new Candidate("65+", "Over 65s", "Org", 100L, 65, null, FREE, 5, List.of(),
                Set.of(Reason.LONELINESS), EnumSet.of(DirectoryTerm.DANCE));
        Candidate prescribed = candidate("prescribed", 100, FREE, 5, Set.of(Reason.LONELINESS));
        Result result = SuggestionRanking.rank(new Patient(78, Set.of(), Set.of("prescribed")),
                List.of(youth, underSeventy, overSixtyFive, prescribed));
        assertEquals(List.of("65+"), order(result));
        assertEquals(List.of("youth", "u70", "prescribed"), result.excluded().stream().map(e -> e.serviceId()).toList());
        assertEquals("for ages 11-18; the patient is 78", result.excluded().get(0).reason());
        assertEquals("for ages up to 70; the patient is 78", result.excluded().get(1).reason());
    }

    @Test
    void aWheelchairUserGetsStepFreeVenuesFirst() {
        Patient wheelchair = new Patient(78, AccessNeed.from("Wheelchair user; hard of hearing"), Set.of());
        assertEquals(EnumSet.of(AccessNeed.STEP_FREE, AccessNeed.HEARING_LOOP), wheelchair.needs());
        Candidate stepsOnly = new Candidate("steps", "Upstairs Club", "Org", 100L, null, null, FREE, 5,
                List.of("Hearing loop"), Set.of(Reason.LONELINESS), EnumSet.of(DirectoryTerm.SOCIAL_GROUPS));
        Candidate accessible = new Candidate("accessible", "Ground Floor Club", "Org", 6000L, null, null, PAID, 5,
                List.of("Step-free entrance", "Hearing loop"), Set.of(Reason.LONELINESS), EnumSet.of(DirectoryTerm.SOCIAL_GROUPS));
        Result result = SuggestionRanking.rank(wheelchair, List.of(stepsOnly, accessible));
        assertEquals(List.of("accessible", "steps"), order(result));
        assertEquals(Boolean.TRUE, result.suggestions().get(0).meetsAccessNeeds());
        assertEquals(Boolean.FALSE, result.suggestions().get(1).meetsAccessNeeds());
        assertEquals("For loneliness (Social groups and lunch clubs); 100 m away; free; no step-free access recorded; 5 places left.",
                result.suggestions().get(1).why());

        Result noNeeds = SuggestionRanking.rank(SEVENTY_EIGHT, List.of(stepsOnly, accessible));
        assertEquals(List.of("steps", "accessible"), order(noNeeds));
        assertNull(noNeeds.suggestions().get(0).meetsAccessNeeds());
    }

    @Test
    void whyNamesReasonsTermsDistanceCostAccessAndPlaces() {
        Candidate walk = new Candidate("walk", "Beeston Tuesday Walk", "Leeds Ramblers", 1240L, 18, null, FREE, 6,
                List.of("Step-free route"), new java.util.TreeSet<>(Set.of(Reason.PHYSICAL_INACTIVITY, Reason.LONELINESS)),
                EnumSet.of(DirectoryTerm.WALKING, DirectoryTerm.SOCIAL_GROUPS));
        Ranked ranked = SuggestionRanking.rank(new Patient(78, EnumSet.of(AccessNeed.STEP_FREE), Set.of()), List.of(walk))
                .suggestions().get(0);
        assertEquals("For loneliness and physical inactivity (Social groups and lunch clubs, Walking); 1.2 km away; free; "
                + "has step-free access; 6 places left.", ranked.why());
        Ranked paid = SuggestionRanking.rank(SEVENTY_EIGHT, List.of(candidate("p", 80, PAID, 1, Set.of()))).suggestions().get(0);
        assertEquals("Near the patient; 80 m away; from £2.50; 1 place left.", paid.why());
    }

    @Test
    void accessNeedsAreReadFromTheCasesFreeText() {
        assertEquals(Set.of(), AccessNeed.from(null));
        assertEquals(Set.of(), AccessNeed.from("Large print letters please"));
        assertEquals(Set.of(AccessNeed.STEP_FREE), AccessNeed.from("Uses a walking frame, cannot manage stairs"));
        assertEquals(Set.of(AccessNeed.HEARING_LOOP), AccessNeed.from("Deaf in one ear, wears a hearing aid"));
    }
}
