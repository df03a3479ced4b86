package org.linkwork.caseload.suggestions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.linkwork.caseload.cases.Case;
import org.linkwork.caseload.directory.Directory;
import org.linkwork.caseload.directory.DirectoryException;
import org.linkwork.caseload.directory.DirectoryTerm;
import org.linkwork.caseload.directory.OrukPage;
import org.linkwork.caseload.prescriptions.PrescriptionService;
import org.linkwork.caseload.suggestions.ReasonTerms.Reason;
import org.linkwork.caseload.suggestions.SuggestionRanking.Candidate;
import org.linkwork.caseload.suggestions.SuggestionRanking.Patient;
import org.linkwork.caseload.suggestions.SuggestionRanking.Price;
import org.linkwork.caseload.suggestions.SuggestionsView.SuggestionView;
import org.linkwork.caseload.suggestions.SuggestionsView.TermView;
import org.linkwork.platform.problem.Problem;
import org.linkwork.platform.problem.ProblemException;

/**
 * Ranked directory services for a case: one directory search per taxonomy term the case's reasons map
 * to (the directory filters by one term at a time), near the patient's postcode and for their age;
 * results merged by service and ranked by {@link SuggestionRanking}. The directory being unavailable
 * answers 503 and touches nothing else of the case.
 */
@ApplicationScoped
public class SuggestionService {

    private static final Logger LOG = Logger.getLogger(SuggestionService.class);

    private final Directory directory;
    private final PrescriptionService prescriptions;
    private final int radiusMetres;
    private final int perTerm;
    private final Clock clock = Clock.systemUTC();

    SuggestionService(Directory directory, PrescriptionService prescriptions,
            @ConfigProperty(name = "linkwork.suggestions.radius-metres", defaultValue = "8000") int radiusMetres,
            @ConfigProperty(name = "linkwork.suggestions.per-term", defaultValue = "50") int perTerm) {
        this.directory = directory;
        this.prescriptions = prescriptions;
        this.radiusMetres = radiusMetres;
        this.perTerm = perTerm;
    }

    /** Services the case already has a live prescription to are left out. */
    public SuggestionsView suggest(Case c) {
        c.requireOpen();
        Set<String> liveServiceIds = prescriptions.liveServiceIds(c.id);
        int age = Period.between(c.patient.dateOfBirth(), LocalDate.now(clock)).getYears();
        Map<DirectoryTerm, Set<Reason>> terms = ReasonTerms.searchTerms(c.reasons);
        Map<String, Found> found = new LinkedHashMap<>();
        if (terms.isEmpty()) {
            collect(found, search(null, c, age), null, Set.of());
        }
        terms.forEach((term, reasons) -> collect(found, search(term, c, age), term, reasons));

        Set<AccessNeed> needs = AccessNeed.from(c.patient.accessibilityNeeds());
        var result = SuggestionRanking.rank(new Patient(age, needs, liveServiceIds),
                found.values().stream().map(Found::candidate).toList());
        List<SuggestionView> suggestions = new ArrayList<>();
        for (var r : result.suggestions()) {
            Candidate cd = r.candidate();
            suggestions.add(new SuggestionView(suggestions.size() + 1, cd.serviceId(), cd.name(), cd.organisation(),
                    cd.distanceMetres(), cd.matchedReasons().stream().map(Reason::name).toList(),
                    cd.matchedTerms().stream().map(t -> new TermView(t.id(), t.code(), t.label())).toList(),
                    r.cost(), cd.placesAvailable(), r.full(), r.meetsAccessNeeds(), r.why()));
        }
        return new SuggestionsView(c.id, c.patient.postcode(), radiusMetres, age,
                c.reasons.stream().sorted().toList(), List.copyOf(needs), suggestions, result.excluded());
    }

    private OrukPage search(DirectoryTerm term, Case c, int age) {
        try {
            return directory.search(term == null ? null : term.id().toString(), c.patient.postcode(), radiusMetres, age,
                    perTerm);
        } catch (DirectoryException.Refused e) {
            LOG.warnf("The directory refused a search for case %s with %d", c.id, e.status());
            throw new ProblemException(Problem.of(502, "Bad Gateway",
                    "The activity directory refused the search (" + e.status() + "); suggestions cannot be made for this case"));
        } catch (RuntimeException e) {
            // Timeout, connection refused or reset, 5xx, token endpoint down, open circuit breaker.
            LOG.warnf("Directory unavailable for suggestions on case %s: %s", c.id, e.toString());
            throw new DirectoryException.Unavailable("The activity directory is not available", e);
        }
    }

    private static void collect(Map<String, Found> found, OrukPage page, DirectoryTerm term, Set<Reason> reasons) {
        if (page == null || page.contents() == null) {
            return;
        }
        for (OrukPage.Service s : page.contents()) {
            if (s.id() == null || (s.status() != null && !"active".equals(s.status()))) {
                continue;
            }
            Found f = found.computeIfAbsent(s.id(), id -> new Found(s));
            if (term != null) {
                f.terms.add(term);
                f.reasons.addAll(reasons);
            }
        }
    }

    /** A service found by one or more term searches. */
    private static final class Found {
        final OrukPage.Service service;
        final Set<DirectoryTerm> terms = EnumSet.noneOf(DirectoryTerm.class);
        final Set<Reason> reasons = new TreeSet<>();

        Found(OrukPage.Service service) {
            this.service = service;
        }

        Candidate candidate() {
            OrukPage.Service s = service;
            List<Price> prices = s.costOptions() == null ? List.of()
                    : s.costOptions().stream().map(o -> new Price(o.amount(), o.currency(), o.option())).toList();
            List<String> features = s.serviceAtLocations() == null ? List.of()
                    : s.serviceAtLocations().stream()
                            .filter(sal -> sal.location() != null && sal.location().accessibility() != null)
                            .flatMap(sal -> sal.location().accessibility().stream())
                            .flatMap(a -> java.util.stream.Stream.of(a.description(), a.details()))
                            .filter(java.util.Objects::nonNull).collect(Collectors.toList());
            return new Candidate(s.id(), s.name(), s.organization() == null ? null : s.organization().name(),
                    s.distance(), s.minimumAge(), s.maximumAge(), prices,
                    s.capacity() == null ? null : s.capacity().placesAvailable(), features, reasons, terms);
        }
    }
}
