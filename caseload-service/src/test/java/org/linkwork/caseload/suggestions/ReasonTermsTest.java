package org.linkwork.caseload.suggestions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.linkwork.caseload.directory.DirectoryTerm;
import org.linkwork.caseload.suggestions.ReasonTerms.Reason;

class ReasonTermsTest {

    /** The reason codes of referral-service's published org.linkwork.referral.accepted.v1 schema. */
    static final List<String> PUBLISHED_REASONS = List.of("LONELINESS", "LOW_MOOD", "ANXIETY", "STRESS", "BEREAVEMENT",
            "LONG_TERM_CONDITION", "PHYSICAL_INACTIVITY", "WEIGHT", "FINANCIAL", "HOUSING", "EMPLOYMENT",
            "CARER_SUPPORT", "OTHER");

    @Test
    void everyPublishedReasonIsKnownAndAllButOtherMapToATerm() {
        assertEquals(PUBLISHED_REASONS, java.util.Arrays.stream(Reason.values()).map(Enum::name).toList());
        for (Reason reason : Reason.values()) {
            assertEquals(reason == Reason.OTHER, ReasonTerms.termsOf(reason).isEmpty(), reason.name());
        }
    }

    @Test
    void termsAreSearchedOnceWithEveryReasonTheyAnswer() {
        Map<DirectoryTerm, Set<Reason>> terms = ReasonTerms.searchTerms(Set.of("LONELINESS", "BEREAVEMENT", "NOT_A_REASON"));
        assertEquals(List.of(DirectoryTerm.SOCIAL_GROUPS, DirectoryTerm.BEFRIENDING, DirectoryTerm.PEER_SUPPORT,
                DirectoryTerm.BEREAVEMENT_SUPPORT), List.copyOf(terms.keySet()));
        assertEquals(Set.of(Reason.LONELINESS, Reason.BEREAVEMENT), terms.get(DirectoryTerm.BEFRIENDING));
        assertTrue(ReasonTerms.searchTerms(Set.of("OTHER")).isEmpty());
    }

    @Test
    void termIdsAreTheDirectorysPublishedFixedIds() {
        // Pinned from activity-directory-service's V3__social_prescribing_taxonomy.sql (fixed across environments).
        assertEquals(UUID.fromString("160729ad-cb62-5c27-bba8-9dfc3849f792"), DirectoryTerm.WALKING.id());
        assertEquals(UUID.fromString("7498f653-3c23-57d4-a511-2d3c3f5061bc"), DirectoryTerm.SOCIAL_GROUPS.id());
        assertEquals(UUID.fromString("8106ae87-ef08-5db8-863c-b7a12789d026"), DirectoryTerm.TAXONOMY);
        assertEquals(20, DirectoryTerm.values().length);
        assertEquals(20, java.util.Arrays.stream(DirectoryTerm.values()).map(DirectoryTerm::id).distinct().count());
        assertFalse(java.util.Arrays.stream(DirectoryTerm.values()).anyMatch(t -> t.id().version() != 5));
    }
}
