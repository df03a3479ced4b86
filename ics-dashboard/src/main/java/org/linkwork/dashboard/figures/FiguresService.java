package org.linkwork.dashboard.figures;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.linkwork.dashboard.journeys.Journey;
import org.linkwork.dashboard.journeys.JourneyRepository;
import org.linkwork.dashboard.journeys.PracticePcnRepository;
import org.linkwork.dashboard.wellbeing.WellbeingService;
import org.linkwork.dashboard.workforce.LinkWorker;
import org.linkwork.dashboard.workforce.LinkWorkerRepository;
import org.linkwork.platform.disclosure.AgainstGuidance;
import org.linkwork.platform.disclosure.Figure;
import org.linkwork.platform.disclosure.ReportingPeriod;
import org.linkwork.platform.disclosure.Statistics;
import org.linkwork.platform.disclosure.SuppressedTable;
import org.linkwork.platform.disclosure.Suppression;

/**
 * Works the charts' figures out of the dashboard's own aggregates with the report API's rules: events counted in
 * the month they happened, referrals in the PCN their practice was last seen in, each PCN's month suppressed as one
 * table of its practices, the reach tables of every PCN suppressed as one.
 */
@ApplicationScoped
public class FiguresService {

    static final String NOT_RECORDED = "NOT_RECORDED";
    static final List<String> ETHNIC_GROUPS = List.of("WHITE", "MIXED", "ASIAN", "BLACK", "OTHER", "NOT_STATED");

    private final JourneyRepository journeys;
    private final PracticePcnRepository practices;
    private final LinkWorkerRepository workers;
    private final WellbeingService wellbeing;
    private final List<BigDecimal> imdDecilePopulation;
    private final Map<String, BigDecimal> ethnicGroupPopulation;

    FiguresService(JourneyRepository journeys, PracticePcnRepository practices, LinkWorkerRepository workers,
            WellbeingService wellbeing,
            @ConfigProperty(name = "linkwork.dashboard.population.imd-decile") List<BigDecimal> imdDecilePopulation,
            @ConfigProperty(name = "linkwork.dashboard.population.ethnic-group") Map<String, BigDecimal> ethnicGroupPopulation) {
        this.journeys = journeys;
        this.practices = practices;
        this.workers = workers;
        this.wellbeing = wellbeing;
        this.imdDecilePopulation = imdDecilePopulation;
        this.ethnicGroupPopulation = ethnicGroupPopulation;
    }

    private record PcnMonth(YearMonth month, String pcnCode) {
    }

    /** One practice's month before suppression. */
    private static final class Tally {
        long received;
        final List<BigDecimal> daysToFirstContact = new ArrayList<>();
        final Map<String, List<WellbeingService.Change>> changes = new TreeMap<>();
    }

    @Transactional
    public FiguresView figures(ReportingPeriod period) {
        journeys.readOneSnapshot();
        Map<String, String> pcnOfPractice = practices.pcnOfPractice();
        OffsetDateTime from = period.start();
        OffsetDateTime to = period.end();
        List<Journey> received = journeys.receivedBetween(from, to);
        return new FiguresView(period.first().toString(), period.last().toString(), OffsetDateTime.now(ZoneOffset.UTC),
                FiguresView.SUPPRESSION_RULE, months(received, journeys.firstContactBetween(from, to),
                        wellbeing.changesBetween(from, to), pcnOfPractice),
                reach(received, pcnOfPractice, Stream.concat(IntStream.rangeClosed(1, 10).mapToObj(Integer::toString),
                        Stream.of(NOT_RECORDED)).toList(), j -> j.imdDecile, this::imdShare),
                reach(received, pcnOfPractice, Stream.concat(ETHNIC_GROUPS.stream(), Stream.of(NOT_RECORDED)).toList(),
                        j -> j.ethnicGroup, group -> ethnicGroupPopulation.get(group)),
                workforce());
    }

    private List<FiguresView.Month> months(List<Journey> received, List<Journey> firstContacts,
            List<WellbeingService.Change> changes, Map<String, String> pcnOfPractice) {
        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Map<PcnMonth, TreeMap<String, Tally>> groups = new TreeMap<>(Comparator.comparing(PcnMonth::month)
                .thenComparing(PcnMonth::pcnCode, nullsLast));
        Function<Journey, Function<OffsetDateTime, Tally>> tallyOf = journey -> when -> groups
                .computeIfAbsent(new PcnMonth(Statistics.monthOf(when), journey.odsCode == null ? null
                        : pcnOfPractice.get(journey.odsCode)), g -> new TreeMap<>(nullsLast))
                .computeIfAbsent(journey.odsCode, ods -> new Tally());
        for (Journey journey : received) {
            tallyOf.apply(journey).apply(journey.receivedAt).received++;
        }
        // Case steps count in the case's PCN, else its practice's.
        Function<Journey, Function<OffsetDateTime, Tally>> caseTallyOf = journey -> when -> groups
                .computeIfAbsent(new PcnMonth(Statistics.monthOf(when), journey.casePcnCode != null ? journey.casePcnCode
                        : journey.odsCode == null ? null : pcnOfPractice.get(journey.odsCode)), g -> new TreeMap<>(nullsLast))
                .computeIfAbsent(journey.odsCode, ods -> new Tally());
        for (Journey journey : firstContacts) {
            caseTallyOf.apply(journey).apply(journey.firstAttendedContactAt).daysToFirstContact
                    .add(Statistics.daysBetween(journey.receivedAt, journey.firstAttendedContactAt));
        }
        Map<String, Journey> ofChanges = journeys.byReferral(changes.stream().map(WellbeingService.Change::referral)
                .collect(Collectors.toSet()));
        for (WellbeingService.Change change : changes) {
            Journey journey = ofChanges.getOrDefault(change.referral(), new Journey());
            caseTallyOf.apply(journey).apply(change.followUpAt()).changes
                    .computeIfAbsent(change.measure(), m -> new ArrayList<>()).add(change);
        }
        List<FiguresView.Month> months = new ArrayList<>();
        groups.forEach((group, ofPractices) -> {
            List<Tally> tallies = List.copyOf(ofPractices.values());
            Figure receivedCount = SuppressedTable.of(tallies.stream().map(t -> new long[] { t.received })
                    .toArray(long[][]::new)).columnTotal(0);
            Figure contacts = SuppressedTable.of(tallies.stream().map(t -> new long[] { t.daysToFirstContact.size() })
                    .toArray(long[][]::new)).columnTotal(0);
            List<BigDecimal> days = tallies.stream().flatMap(t -> t.daysToFirstContact.stream()).toList();
            months.add(new FiguresView.Month(group.month().toString(), group.pcnCode(), receivedCount, contacts,
                    Suppression.derived(() -> Statistics.median(days), contacts),
                    Suppression.derived(() -> Statistics.centile(days, 90), contacts), wellbeing(tallies)));
        });
        return months;
    }

    /**
     * A PCN's month per measure: its practices' improved and not improved as one suppressed table, of which the PCN's
     * totals are shown.
     */
    private static List<FiguresView.Wellbeing> wellbeing(List<Tally> tallies) {
        List<FiguresView.Wellbeing> rows = new ArrayList<>();
        tallies.stream().flatMap(t -> t.changes.keySet().stream()).distinct().sorted().forEach(measure -> {
            List<WellbeingService.Change> all = tallies.stream()
                    .flatMap(t -> t.changes.getOrDefault(measure, List.of()).stream()).toList();
            SuppressedTable improvement = SuppressedTable.of(tallies.stream().map(t -> {
                List<WellbeingService.Change> ofPractice = t.changes.getOrDefault(measure, List.of());
                long improved = ofPractice.stream().filter(WellbeingService.Change::improved).count();
                return new long[] { improved, ofPractice.size() - improved };
            }).toArray(long[][]::new));
            long improved = all.stream().filter(WellbeingService.Change::improved).count();
            Figure people = improvement.grandTotal();
            String[] name = measure.split("\\.", 2);
            rows.add(new FiguresView.Wellbeing(name[0], name[1], people,
                    Suppression.derived(() -> Statistics.mean(all.stream().map(WellbeingService.Change::change).toList(), 2), people),
                    Suppression.derived(() -> Statistics.ratio(improved, all.size()), people, improvement.columnTotal(0),
                            improvement.columnTotal(1))));
        });
        return rows;
    }

    /** Every PCN's referrals per category as one suppressed table, of which the region's totals are shown. */
    private static FiguresView.Reach reach(List<Journey> received, Map<String, String> pcnOfPractice,
            List<String> categories, Function<Journey, Object> category, Function<String, BigDecimal> population) {
        Map<String, long[]> byPcn = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Journey journey : received) {
            String pcn = journey.odsCode == null ? null : pcnOfPractice.get(journey.odsCode);
            int column = categories.indexOf(Objects.toString(category.apply(journey), NOT_RECORDED));
            byPcn.computeIfAbsent(pcn, p -> new long[categories.size()])[column < 0 ? categories.size() - 1 : column]++;
        }
        SuppressedTable table = SuppressedTable.of(byPcn.values().toArray(long[][]::new));
        Map<String, Figure> counts = new LinkedHashMap<>();
        Map<String, BigDecimal> shares = new LinkedHashMap<>();
        for (int c = 0; c < categories.size(); c++) {
            String name = categories.get(c);
            counts.put(name, byPcn.isEmpty() ? new Figure(0, false) : table.columnTotal(c));
            Optional.ofNullable(population.apply(name)).ifPresent(share -> shares.put(name, share));
        }
        return new FiguresView.Reach(categories, counts, byPcn.isEmpty() ? new Figure(0, false) : table.grandTotal(),
                shares);
    }

    private BigDecimal imdShare(String decile) {
        return NOT_RECORDED.equals(decile) ? null : imdDecilePopulation.get(Integer.parseInt(decile) - 1);
    }

    private FiguresView.Workforce workforce() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        OffsetDateTime yearAgo = now.minusYears(1);
        Map<String, Load> loads = new TreeMap<>();
        for (LinkWorker worker : workers.active()) {
            Load load = loads.computeIfAbsent(worker.pcnCode, k -> new Load());
            load.linkWorkers++;
            load.fte = load.fte.add(worker.fte);
        }
        for (Journey kase : journeys.assignedCases()) {
            Load load = loads.computeIfAbsent(kase.casePcnCode, k -> new Load());
            if (kase.closedAt == null) {
                load.openCases++;
            }
            if (!kase.firstAssignedAt.isBefore(yearAgo) && kase.firstAssignedAt.isBefore(now)) {
                load.peopleInYear++;
            }
        }
        return new FiguresView.Workforce(AgainstGuidance.LOW, AgainstGuidance.HIGH, loads.entrySet().stream()
                .map(e -> e.getValue().view(e.getKey())).toList());
    }

    private static final class Load {
        int linkWorkers;
        BigDecimal fte = BigDecimal.ZERO.setScale(2);
        long openCases;
        long peopleInYear;

        FiguresView.Pcn view(String pcnCode) {
            Figure perFte = AgainstGuidance.peoplePerFte(peopleInYear, fte);
            return new FiguresView.Pcn(pcnCode, linkWorkers, fte, Suppression.count(openCases),
                    Suppression.count(peopleInYear), perFte, AgainstGuidance.of(perFte));
        }
    }
}
