package org.linkwork.caseload.suggestions;

import static org.linkwork.caseload.directory.DirectoryTerm.*;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.linkwork.caseload.directory.DirectoryTerm;

/**
 * Which kinds of activity answer which referral reason: caseload's own mapping from the reason codes
 * of {@code org.linkwork.referral.accepted.v1} to the directory's taxonomy terms. {@code OTHER} (and a
 * reason this version does not know) maps to no term: such a case is searched without a term filter.
 */
public final class ReasonTerms {

    /** The reason codes of referral-service's published {@code referral.accepted} schema. */
    public enum Reason {
        LONELINESS, LOW_MOOD, ANXIETY, STRESS, BEREAVEMENT, LONG_TERM_CONDITION, PHYSICAL_INACTIVITY, WEIGHT,
        FINANCIAL, HOUSING, EMPLOYMENT, CARER_SUPPORT, OTHER;

        /** "PHYSICAL_INACTIVITY" as a link worker would say it: "physical inactivity". */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', ' ');
        }
    }

    static final Map<Reason, List<DirectoryTerm>> TERMS = new EnumMap<>(Map.ofEntries(
            Map.entry(Reason.LONELINESS, List.of(SOCIAL_GROUPS, BEFRIENDING, PEER_SUPPORT)),
            Map.entry(Reason.LOW_MOOD, List.of(MENTAL_WELLBEING, PEER_SUPPORT, ARTS_AND_CRAFTS)),
            Map.entry(Reason.ANXIETY, List.of(MENTAL_WELLBEING, PEER_SUPPORT)),
            Map.entry(Reason.STRESS, List.of(MENTAL_WELLBEING, NATURE_AND_GARDENING)),
            Map.entry(Reason.BEREAVEMENT, List.of(BEREAVEMENT_SUPPORT, BEFRIENDING)),
            Map.entry(Reason.LONG_TERM_CONDITION, List.of(PEER_SUPPORT, PHYSICAL_ACTIVITY)),
            Map.entry(Reason.PHYSICAL_INACTIVITY, List.of(PHYSICAL_ACTIVITY, WALKING, DANCE)),
            Map.entry(Reason.WEIGHT, List.of(HEALTHY_EATING, PHYSICAL_ACTIVITY, WALKING)),
            Map.entry(Reason.FINANCIAL, List.of(MONEY_AND_DEBT_ADVICE)),
            Map.entry(Reason.HOUSING, List.of(DirectoryTerm.HOUSING)),
            Map.entry(Reason.EMPLOYMENT, List.of(EMPLOYMENT_AND_SKILLS, LEARNING, VOLUNTEERING)),
            Map.entry(Reason.CARER_SUPPORT, List.of(CARERS)),
            Map.entry(Reason.OTHER, List.of())));

    private ReasonTerms() {
    }

    public static List<DirectoryTerm> termsOf(Reason reason) {
        return TERMS.get(reason);
    }

    /** The case's reasons this version knows, in a fixed order; unknown codes are left out. */
    public static Set<Reason> known(Set<String> reasonCodes) {
        return Arrays.stream(Reason.values()).filter(r -> reasonCodes.contains(r.name()))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** Each term to search by, with the reasons it answers; empty when no reason maps to a term. */
    public static Map<DirectoryTerm, Set<Reason>> searchTerms(Set<String> reasonCodes) {
        Map<DirectoryTerm, Set<Reason>> terms = new LinkedHashMap<>();
        for (Reason reason : known(reasonCodes)) {
            for (DirectoryTerm term : termsOf(reason)) {
                terms.computeIfAbsent(term, t -> new LinkedHashSet<>()).add(reason);
            }
        }
        return terms;
    }
}
