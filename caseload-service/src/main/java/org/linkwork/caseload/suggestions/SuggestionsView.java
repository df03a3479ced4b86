package org.linkwork.caseload.suggestions;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.caseload.suggestions.SuggestionRanking.Cost;
import org.linkwork.caseload.suggestions.SuggestionRanking.Excluded;

/** The body of {@code GET /cases/{id}/suggestions}. */
@Schema(name = "Suggestions", description = "Directory services ranked for one case.")
public record SuggestionsView(
        UUID caseId,
        @Schema(description = "The patient's postcode the directory measured distance from") String searchedNear,
        @Schema(description = "Services further than this were not searched") int radiusMetres,
        int patientAge,
        @Schema(description = "The case's referral reasons") List<String> reasons,
        @Schema(description = "Access needs read from the case's accessibility needs") List<AccessNeed> accessNeeds,
        @Schema(description = "Best first") List<SuggestionView> suggestions,
        @Schema(description = "Services the directory returned that ranking left out, and why") List<Excluded> excluded) {

    static final String EXAMPLE = """
            {"caseId":"5b0f7c1e-2f0c-4a57-9a52-1d2f3b4c5d6e","searchedNear":"LS11 5AB","radiusMetres":8000,
             "patientAge":78,"reasons":["LONELINESS","PHYSICAL_INACTIVITY"],"accessNeeds":["STEP_FREE"],
             "suggestions":[{"rank":1,"serviceId":"0b0d8a3e-4c1f-4f7e-9a57-1f3c2b6d9e01","name":"Beeston Tuesday Walk",
               "organisation":"Leeds Ramblers","distanceMetres":1240,"matchedReasons":["LONELINESS","PHYSICAL_INACTIVITY"],
               "matchedTerms":[{"id":"160729ad-cb62-5c27-bba8-9dfc3849f792","code":"walking","name":"Walking"},
                 {"id":"7498f653-3c23-57d4-a511-2d3c3f5061bc","code":"social-groups","name":"Social groups and lunch clubs"}],
               "cost":{"category":"FREE","fromAmount":0,"currency":"GBP"},"placesAvailable":6,"full":false,
               "meetsAccessNeeds":true,
               "why":"For loneliness and physical inactivity (Social groups and lunch clubs, Walking); 1.2 km away; free; has step-free access; 6 places left."}],
             "excluded":[{"serviceId":"9c1d...","name":"Youth Dance Club","reason":"for ages 11-18; the patient is 78"}]}""";

    @Schema(name = "Suggestion")
    public record SuggestionView(
            int rank,
            @Schema(description = "The directory's service id: POST it to /cases/{id}/prescriptions") String serviceId,
            String name,
            String organisation,
            @Schema(description = "From the patient's postcode district, in metres") Long distanceMetres,
            List<String> matchedReasons,
            List<TermView> matchedTerms,
            Cost cost,
            @Schema(description = "Places left; null when the service records no limit") Integer placesAvailable,
            @Schema(description = "No places left: ranked last") boolean full,
            @Schema(description = "Whether a venue meets every access need; null when the case records none") Boolean meetsAccessNeeds,
            @Schema(description = "One line a link worker can read to the patient") String why) {
    }

    @Schema(name = "SuggestionTerm", description = "A term of the directory's social prescribing taxonomy")
    public record TermView(UUID id, String code, String name) {
    }
}
