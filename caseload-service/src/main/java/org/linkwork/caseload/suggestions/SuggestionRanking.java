package org.linkwork.caseload.suggestions;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.linkwork.caseload.directory.DirectoryTerm;
import org.linkwork.caseload.suggestions.ReasonTerms.Reason;

/**
 * Orders the directory's services for one patient. Pure: no I/O, no clock.
 * <p>
 * Left out: services whose age range excludes the patient (the directory filters by age too; this
 * guards against a directory that does not), and services the case already has a live prescription
 * to. Then, in this order of precedence:
 * <ol>
 * <li>services with places (or no recorded limit) before full ones: a full service stays on the list,
 * last, because places free up and a link worker may still want it;</li>
 * <li>when the case records an access need, venues that meet it before those that do not say so;</li>
 * <li>more of the patient's referral reasons answered before fewer;</li>
 * <li>free before unknown cost before paid;</li>
 * <li>nearer before further (the directory already keeps only those within the search radius);</li>
 * <li>then by name, so the order is stable.</li>
 * </ol>
 */
public final class SuggestionRanking {

    private SuggestionRanking() {
    }

    /** What ranking needs to know of the patient. */
    public record Patient(int age, Set<AccessNeed> needs, Set<String> liveServiceIds) {
    }

    /** One price of a service; ORUK records a free activity as an option with amount 0. */
    public record Price(BigDecimal amount, String currency, String option) {
    }

    /** A directory service found for one or more of the patient's reasons. */
    public record Candidate(String serviceId, String name, String organisation, Long distanceMetres, Integer minimumAge,
            Integer maximumAge, List<Price> prices, Integer placesAvailable, List<String> accessibilityFeatures,
            Set<Reason> matchedReasons, Set<DirectoryTerm> matchedTerms) {
    }

    public enum CostCategory {
        FREE, UNKNOWN, PAID
    }

    /** The cheapest way in: {@code fromAmount} is the lowest recorded price, null when none is recorded. */
    @Schema(name = "SuggestionCost", description = "FREE, PAID (from the lowest price) or UNKNOWN (no price recorded)")
    public record Cost(CostCategory category, BigDecimal fromAmount, String currency) {

        static Cost of(List<Price> prices) {
            Price cheapest = prices.stream().filter(p -> p.amount() != null).min(Comparator.comparing(Price::amount))
                    .orElse(null);
            if (cheapest == null) {
                return new Cost(CostCategory.UNKNOWN, null, null);
            }
            boolean free = cheapest.amount().signum() == 0;
            return new Cost(free ? CostCategory.FREE : CostCategory.PAID, cheapest.amount(),
                    cheapest.currency() == null ? "GBP" : cheapest.currency());
        }
    }

    /** A ranked suggestion; {@code meetsAccessNeeds} is null when the case records no access need. */
    public record Ranked(Candidate candidate, Cost cost, boolean full, Boolean meetsAccessNeeds, String why) {
    }

    @Schema(name = "ExcludedService")
    public record Excluded(String serviceId, String name, String reason) {
    }

    public record Result(List<Ranked> suggestions, List<Excluded> excluded) {
    }

    public static Result rank(Patient patient, List<Candidate> candidates) {
        List<Ranked> ranked = new ArrayList<>();
        List<Excluded> excluded = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.minimumAge() != null && patient.age() < c.minimumAge()
                    || c.maximumAge() != null && patient.age() > c.maximumAge()) {
                excluded.add(new Excluded(c.serviceId(), c.name(), "for ages " + ageRange(c) + "; the patient is " + patient.age()));
                continue;
            }
            if (patient.liveServiceIds().contains(c.serviceId())) {
                excluded.add(new Excluded(c.serviceId(), c.name(), "already prescribed on this case"));
                continue;
            }
            Cost cost = Cost.of(c.prices());
            boolean full = c.placesAvailable() != null && c.placesAvailable() <= 0;
            Boolean meets = patient.needs().isEmpty() ? null
                    : patient.needs().stream().allMatch(n -> n.metBy(c.accessibilityFeatures()));
            ranked.add(new Ranked(c, cost, full, meets, why(patient, c, cost, full, meets)));
        }
        ranked.sort(ORDER);
        return new Result(List.copyOf(ranked), List.copyOf(excluded));
    }

    static final Comparator<Ranked> ORDER = Comparator.<Ranked, Boolean>comparing(Ranked::full)
            .thenComparing(r -> !Boolean.FALSE.equals(r.meetsAccessNeeds()) ? 0 : 1)
            .thenComparing(r -> -r.candidate().matchedReasons().size())
            .thenComparing(r -> r.cost().category())
            .thenComparing(r -> r.candidate().distanceMetres(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(r -> Objects.requireNonNullElse(r.candidate().name(), ""))
            .thenComparing(r -> r.candidate().serviceId());

    private static String why(Patient patient, Candidate c, Cost cost, boolean full, Boolean meets) {
        List<String> parts = new ArrayList<>();
        if (c.matchedReasons().isEmpty()) {
            parts.add("Near the patient");
        } else {
            parts.add("For " + and(c.matchedReasons().stream().map(Reason::label).toList()) + " ("
                    + c.matchedTerms().stream().map(DirectoryTerm::label).sorted().collect(Collectors.joining(", ")) + ")");
        }
        if (c.distanceMetres() != null) {
            parts.add(distance(c.distanceMetres()) + " away");
        }
        parts.add(switch (cost.category()) {
            case FREE -> "free";
            case PAID -> "from " + money(cost);
            case UNKNOWN -> "cost not recorded";
        });
        if (meets != null) {
            parts.add(meets ? "has " + and(patient.needs().stream().map(AccessNeed::label).toList())
                    : "no " + and(patient.needs().stream().filter(n -> !n.metBy(c.accessibilityFeatures()))
                            .map(AccessNeed::label).toList()) + " recorded");
        }
        if (full) {
            parts.add("full at present");
        } else if (c.placesAvailable() != null) {
            parts.add(c.placesAvailable() + (c.placesAvailable() == 1 ? " place" : " places") + " left");
        }
        String why = String.join("; ", parts);
        return Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".";
    }

    private static String ageRange(Candidate c) {
        if (c.maximumAge() == null) {
            return c.minimumAge() + "+";
        }
        if (c.minimumAge() == null) {
            return "up to " + c.maximumAge();
        }
        return c.minimumAge() + "-" + c.maximumAge();
    }

    static String distance(long metres) {
        return metres < 1000 ? metres + " m" : String.format(java.util.Locale.ROOT, "%.1f km", metres / 1000.0);
    }

    private static String money(Cost cost) {
        String symbol = "GBP".equals(cost.currency()) ? "£" : cost.currency() + " ";
        return symbol + cost.fromAmount().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private static String and(List<String> words) {
        if (words.size() <= 1) {
            return String.join("", words);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }
}
