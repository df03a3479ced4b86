package org.linkwork.outcomes.reports;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.assessments.AssessmentRepository;
import org.linkwork.outcomes.assessments.AssessmentRepository.ScoreOf;
import org.linkwork.outcomes.assessments.ChangeFromBaseline;
import org.linkwork.outcomes.caseowners.CaseOwner;
import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.outcomes.instruments.Instrument;
import org.linkwork.outcomes.instruments.Score;
import org.linkwork.outcomes.journeys.CaseRecord;
import org.linkwork.outcomes.journeys.CaseRecordRepository;
import org.linkwork.outcomes.journeys.ContactRecordRepository;
import org.linkwork.outcomes.journeys.PracticePcnRepository;
import org.linkwork.outcomes.journeys.PrescriptionRecord;
import org.linkwork.outcomes.journeys.PrescriptionRecordRepository;
import org.linkwork.outcomes.journeys.ReferralRecord;
import org.linkwork.outcomes.journeys.ReferralRecordRepository;
import org.linkwork.outcomes.reports.MonthlyReportView.Grouping;
import org.linkwork.platform.disclosure.Figure;
import org.linkwork.platform.disclosure.ReportingPeriod;
import org.linkwork.platform.disclosure.Statistics;
import org.linkwork.platform.disclosure.SuppressedTable;
import org.linkwork.platform.disclosure.Suppression;

/**
 * Works the monthly figures out of the read model. The facts of the months asked for are read and tallied here
 * rather than in SQL, because medians and changes from baseline need the individual values; an ICS's year of
 * referrals is a few hundred thousand rows at most.
 */
@ApplicationScoped
public class ReportService {

    private final ReferralRecordRepository referrals;
    private final CaseRecordRepository cases;
    private final ContactRecordRepository contacts;
    private final PrescriptionRecordRepository prescriptions;
    private final PracticePcnRepository practices;
    private final AssessmentRepository assessments;
    private final CaseOwnerRepository owners;

    ReportService(ReferralRecordRepository referrals, CaseRecordRepository cases, ContactRecordRepository contacts,
            PrescriptionRecordRepository prescriptions, PracticePcnRepository practices, AssessmentRepository assessments,
            CaseOwnerRepository owners) {
        this.referrals = referrals;
        this.cases = cases;
        this.contacts = contacts;
        this.prescriptions = prescriptions;
        this.practices = practices;
        this.assessments = assessments;
        this.owners = owners;
    }

    /** What to report: the period's months, grouped, optionally one PCN and/or practice. */
    public record Query(ReportingPeriod period, Grouping by, String pcnCode, String odsCode) {
    }

    private record Key(YearMonth month, String pcnCode, String odsCode) {
    }

    /** One month of one PCN: the practices' figures and the PCN's are published from one set of tables. */
    private record Group(YearMonth month, String pcnCode) {
    }

    /** The facts of one practice's month before suppression. */
    private static final class Tally {
        long received;
        long accepted;
        long rejected;
        final List<BigDecimal> daysToFirstContact = new ArrayList<>();
        long held;
        long didNotAttend;
        long plansAgreed;
        long prescribed;
        final Map<String, Long> closedByReason = new TreeMap<>();
        final Map<String, List<ChangeFromBaseline.MeasureChange>> changes = new TreeMap<>();
        final List<int[]> gpBeforeAfter = new ArrayList<>();

        long closed() {
            return closedByReason.values().stream().mapToLong(Long::longValue).sum();
        }

        static Tally of(Collection<Tally> practices) {
            Tally all = new Tally();
            for (Tally t : practices) {
                all.received += t.received;
                all.accepted += t.accepted;
                all.rejected += t.rejected;
                all.daysToFirstContact.addAll(t.daysToFirstContact);
                all.held += t.held;
                all.didNotAttend += t.didNotAttend;
                all.plansAgreed += t.plansAgreed;
                all.prescribed += t.prescribed;
                t.closedByReason.forEach((reason, count) -> all.closedByReason.merge(reason, count, Long::sum));
                t.changes.forEach((measure, changes) -> all.changes.computeIfAbsent(measure, k -> new ArrayList<>())
                        .addAll(changes));
                all.gpBeforeAfter.addAll(t.gpBeforeAfter);
            }
            return all;
        }
    }

    /** The counts reported once per row, each suppressed as a column of practices with the PCN as its total. */
    private enum Count {
        RECEIVED(t -> t.received), ACCEPTED(t -> t.accepted), REJECTED(t -> t.rejected),
        FIRST_CONTACTS(t -> t.daysToFirstContact.size()), HELD(t -> t.held), DID_NOT_ATTEND(t -> t.didNotAttend),
        PLANS_AGREED(t -> t.plansAgreed), PRESCRIBED(t -> t.prescribed), GP_CASES(t -> t.gpBeforeAfter.size());

        final ToLongFunction<Tally> of;

        Count(ToLongFunction<Tally> of) {
            this.of = of;
        }
    }

    @Transactional
    public MonthlyReportView monthly(Query query) {
        OffsetDateTime from = query.period().start();
        OffsetDateTime to = query.period().end();
        Map<String, String> pcnOfPractice = practices.streamAll()
                .collect(Collectors.toMap(practice -> practice.odsCode, practice -> practice.pcnCode));
        Map<Key, Tally> tallies = new HashMap<>();
        Tallies tally = new Tallies(query, pcnOfPractice, tallies);

        for (ReferralRecord r : referrals.activeBetween(from, to)) {
            tally.at(r.receivedAt, from, to, r.odsCode, null).ifPresent(t -> t.received++);
            tally.at(r.acceptedAt, from, to, r.odsCode, null).ifPresent(t -> t.accepted++);
            tally.at(r.rejectedAt, from, to, r.odsCode, null).ifPresent(t -> t.rejected++);
        }
        for (ContactRecordRepository.Held contact : contacts.heldBetween(from, to)) {
            tally.at(contact.at(), from, to, contact.odsCode(), contact.pcnCode())
                    .ifPresent(t -> { if (contact.attended()) { t.held++; } else { t.didNotAttend++; } });
        }
        for (ContactRecordRepository.FirstContact first : contacts.firstAttendedBetween(from, to)) {
            BigDecimal days = Statistics.daysBetween(first.referralReceivedAt(), first.at());
            tally.at(first.at(), from, to, first.odsCode(), first.pcnCode())
                    .ifPresent(t -> t.daysToFirstContact.add(days));
        }
        for (CaseRecord kase : cases.planAgreedBetween(from, to)) {
            tally.at(kase.planAgreedAt, from, to, kase.odsCode, kase.pcnCode).ifPresent(t -> t.plansAgreed++);
        }
        for (PrescriptionRecord prescription : prescriptions.prescribedBetween(from, to)) {
            tally.at(prescription.prescribedAt, from, to, prescription.kase.odsCode, prescription.kase.pcnCode)
                    .ifPresent(t -> t.prescribed++);
        }
        for (CaseRecord kase : cases.closedBetween(from, to)) {
            tally.at(kase.closedAt, from, to, kase.odsCode, kase.pcnCode).ifPresent(t -> {
                t.closedByReason.merge(kase.closeReason, 1L, Long::sum);
                if (kase.gpAppointmentsBefore != null && kase.gpAppointmentsAfter != null) {
                    t.gpBeforeAfter.add(new int[] { kase.gpAppointmentsBefore, kase.gpAppointmentsAfter });
                }
            });
        }
        wellbeing(from, to, tally);

        Comparator<String> nullsLast = Comparator.nullsLast(Comparator.naturalOrder());
        Map<Group, TreeMap<String, Tally>> groups = new TreeMap<>(Comparator.comparing(Group::month)
                .thenComparing(Group::pcnCode, nullsLast));
        tallies.forEach((key, t) -> groups.computeIfAbsent(new Group(key.month(), key.pcnCode()),
                g -> new TreeMap<>(nullsLast)).put(key.odsCode(), t));
        List<MonthlyReportView.Row> rows = new ArrayList<>();
        groups.forEach((group, ofPractices) -> rows.addAll(rows(group, ofPractices, query)));
        return new MonthlyReportView(query.period().first().toString(), query.period().last().toString(), query.by(), query.pcnCode(),
                query.odsCode(), OffsetDateTime.now(ZoneOffset.UTC), MonthlyReportView.SUPPRESSION_RULE, rows);
    }

    /** Change from baseline per case and instrument, counted in the month of the follow-up it ends with. */
    private void wellbeing(OffsetDateTime from, OffsetDateTime to, Tallies tally) {
        Map<UUID, Map<UUID, List<ScoreOf>>> byCase = assessments.scoresOfCasesFollowedUpBetween(from, to).stream()
                .collect(Collectors.groupingBy(ScoreOf::caseId, Collectors.groupingBy(ScoreOf::assessmentId)));
        byCase.forEach((caseId, ofCase) -> {
            CaseRecord kase = cases.findById(caseId);
            CaseOwner owner = owners.findById(caseId);
            String ods = kase == null ? null : kase.odsCode;
            String pcn = kase != null && kase.pcnCode != null ? kase.pcnCode : owner == null ? null : owner.pcnCode;
            Map<Instrument, List<ChangeFromBaseline.Taken>> taken = new EnumMap<>(Instrument.class);
            ofCase.values().forEach(scores -> taken.computeIfAbsent(scores.get(0).instrument(), i -> new ArrayList<>())
                    .add(new ChangeFromBaseline.Taken(scores.get(0).timepoint(), scores.get(0).completedAt(),
                            scores.stream().map(s -> new Score(s.measure(), s.value(), null)).toList())));
            taken.forEach((instrument, ofInstrument) -> ChangeFromBaseline.of(instrument, ofInstrument).ifPresent(change ->
                    tally.at(change.latestCompletedAt(), from, to, ods, pcn).ifPresent(t -> change.measures()
                            .forEach(m -> t.changes.computeIfAbsent(change.instrument().name() + "." + m.measure(),
                                    k -> new ArrayList<>()).add(m)))));
        });
    }

    /**
     * Finds the practice's tally an event belongs to, or none when it is outside the months or the PCN asked for.
     * Every practice of a PCN is tallied even when one practice is asked for, so that its figures are suppressed
     * exactly as in the whole PCN's report: two reports of the same month never differ in what they withhold.
     */
    private record Tallies(Query query, Map<String, String> pcnOfPractice, Map<Key, Tally> tallies) {

        Optional<Tally> at(OffsetDateTime when, OffsetDateTime from, OffsetDateTime to, String odsCode, String pcnCode) {
            if (when == null || when.isBefore(from) || !when.isBefore(to)) {
                return Optional.empty();
            }
            String pcn = pcnCode != null ? pcnCode : odsCode == null ? null : pcnOfPractice.get(odsCode);
            if (query.pcnCode() != null && !query.pcnCode().equals(pcn)) {
                return Optional.empty();
            }
            Key key = new Key(Statistics.monthOf(when), pcn, odsCode);
            return Optional.of(tallies.computeIfAbsent(key, k -> new Tally()));
        }
    }

    /**
     * The rows of one PCN's month: the PCN's own (grouping PCN) or its practices' (grouping PRACTICE). Both are read
     * from the same suppressed tables, practices by figure with the PCN as the total, so no practice's withheld
     * figure can be worked out from the PCN's report and the other practices'.
     */
    private static List<MonthlyReportView.Row> rows(Group group, TreeMap<String, Tally> ofPractices, Query query) {
        List<String> practiceCodes = new ArrayList<>(ofPractices.keySet());
        List<Tally> practiceTallies = new ArrayList<>(ofPractices.values());
        Map<Count, SuppressedTable> counts = new EnumMap<>(Count.class);
        for (Count count : Count.values()) {
            counts.put(count, SuppressedTable.of(practiceTallies.stream()
                    .map(t -> new long[] { count.of.applyAsLong(t) }).toArray(long[][]::new)));
        }
        List<String> reasons = practiceTallies.stream().flatMap(t -> t.closedByReason.keySet().stream()).distinct()
                .sorted().toList();
        SuppressedTable closed = SuppressedTable.of(practiceTallies.stream()
                .map(t -> reasons.stream().mapToLong(reason -> t.closedByReason.getOrDefault(reason, 0L)).toArray())
                .toArray(long[][]::new));
        Map<String, SuppressedTable> improvement = new TreeMap<>();
        practiceTallies.stream().flatMap(t -> t.changes.keySet().stream()).distinct().forEach(measure ->
                improvement.put(measure, SuppressedTable.of(practiceTallies.stream().map(t -> {
                    List<ChangeFromBaseline.MeasureChange> changes = t.changes.getOrDefault(measure, List.of());
                    long improved = changes.stream()
                            .filter(c -> c.direction() == ChangeFromBaseline.Direction.IMPROVED).count();
                    return new long[] { improved, changes.size() - improved };
                }).toArray(long[][]::new))));
        Tables tables = new Tables(counts, reasons, closed, improvement);

        if (query.by() == Grouping.PCN) {
            return List.of(row(new Key(group.month(), group.pcnCode(), null), Tally.of(practiceTallies), tables, -1));
        }
        List<MonthlyReportView.Row> rows = new ArrayList<>();
        for (int i = 0; i < practiceCodes.size(); i++) {
            String odsCode = practiceCodes.get(i);
            if (query.odsCode() == null || query.odsCode().equals(odsCode)) {
                rows.add(row(new Key(group.month(), group.pcnCode(), odsCode), practiceTallies.get(i), tables, i));
            }
        }
        return rows;
    }

    /** A PCN's month suppressed: one row per practice in each table, the totals being the PCN's figures. */
    private record Tables(Map<Count, SuppressedTable> counts, List<String> reasons, SuppressedTable closed,
            Map<String, SuppressedTable> improvement) {

        /** Practice {@code practice}'s figure, or the PCN's when {@code practice} is -1. */
        Figure count(Count count, int practice) {
            SuppressedTable table = counts.get(count);
            return practice < 0 ? table.columnTotal(0) : table.cell(practice, 0);
        }

        static Figure cell(SuppressedTable table, int practice, int column) {
            return practice < 0 ? table.columnTotal(column) : table.cell(practice, column);
        }

        static Figure total(SuppressedTable table, int practice) {
            return practice < 0 ? table.grandTotal() : table.rowTotal(practice);
        }
    }

    private static MonthlyReportView.Row row(Key key, Tally t, Tables tables, int practice) {
        Figure held = tables.count(Count.HELD, practice);
        Figure didNotAttend = tables.count(Count.DID_NOT_ATTEND, practice);
        Figure firstContacts = tables.count(Count.FIRST_CONTACTS, practice);
        Figure gpCases = tables.count(Count.GP_CASES, practice);
        Map<String, Figure> byReason = new TreeMap<>();
        for (int r = 0; r < tables.reasons().size(); r++) {
            if (practice < 0 || t.closedByReason.containsKey(tables.reasons().get(r))) {
                byReason.put(tables.reasons().get(r), Tables.cell(tables.closed(), practice, r));
            }
        }
        List<MonthlyReportView.Wellbeing> wellbeing = t.changes.entrySet().stream().map(e -> {
            String[] name = e.getKey().split("\\.", 2);
            List<ChangeFromBaseline.MeasureChange> changes = e.getValue();
            SuppressedTable improvement = tables.improvement().get(e.getKey());
            Figure people = Tables.total(improvement, practice);
            long improved = changes.stream().filter(c -> c.direction() == ChangeFromBaseline.Direction.IMPROVED).count();
            return new MonthlyReportView.Wellbeing(name[0], name[1], people,
                    Suppression.derived(() -> Statistics.mean(changes.stream().map(ChangeFromBaseline.MeasureChange::change).toList(), 2), people),
                    Suppression.derived(() -> Statistics.ratio(improved, changes.size()), people,
                            Tables.cell(improvement, practice, 0), Tables.cell(improvement, practice, 1)));
        }).toList();
        return new MonthlyReportView.Row(key.month().toString(), key.pcnCode(), key.odsCode(),
                tables.count(Count.RECEIVED, practice), tables.count(Count.ACCEPTED, practice),
                tables.count(Count.REJECTED, practice), firstContacts,
                Suppression.derived(() -> Statistics.median(t.daysToFirstContact), firstContacts),
                Suppression.derived(() -> Statistics.centile(t.daysToFirstContact, 90), firstContacts),
                held, didNotAttend,
                Suppression.derived(() -> Statistics.ratio(t.didNotAttend, t.held + t.didNotAttend), held, didNotAttend),
                tables.count(Count.PLANS_AGREED, practice), tables.count(Count.PRESCRIBED, practice), Tables.total(tables.closed(), practice), byReason, wellbeing,
                new MonthlyReportView.GpAttendanceChange(gpCases,
                        Suppression.derived(() -> Statistics.mean(values(t.gpBeforeAfter, 0), 1), gpCases),
                        Suppression.derived(() -> Statistics.mean(values(t.gpBeforeAfter, 1), 1), gpCases),
                        Suppression.derived(() -> Statistics.mean(t.gpBeforeAfter.stream()
                                .map(ba -> BigDecimal.valueOf(ba[1] - ba[0])).toList(), 1), gpCases)));
    }

    private static List<BigDecimal> values(List<int[]> pairs, int index) {
        return pairs.stream().map(pair -> BigDecimal.valueOf(pair[index])).toList();
    }
}
