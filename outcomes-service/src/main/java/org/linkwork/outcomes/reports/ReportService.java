package org.linkwork.outcomes.reports;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.assessments.Assessment;
import org.linkwork.outcomes.assessments.AssessmentRepository;
import org.linkwork.outcomes.assessments.ChangeFromBaseline;
import org.linkwork.outcomes.caseowners.CaseOwner;
import org.linkwork.outcomes.caseowners.CaseOwnerRepository;
import org.linkwork.outcomes.journeys.CaseRecord;
import org.linkwork.outcomes.journeys.CaseRecordRepository;
import org.linkwork.outcomes.journeys.ContactRecord;
import org.linkwork.outcomes.journeys.ContactRecordRepository;
import org.linkwork.outcomes.journeys.PracticePcnRepository;
import org.linkwork.outcomes.journeys.PrescriptionRecord;
import org.linkwork.outcomes.journeys.PrescriptionRecordRepository;
import org.linkwork.outcomes.journeys.ReferralRecord;
import org.linkwork.outcomes.journeys.ReferralRecordRepository;
import org.linkwork.outcomes.reports.MonthlyReportView.Grouping;

/**
 * Works the monthly figures out of the read model. The facts of the months asked for are read and tallied here
 * rather than in SQL, because medians and changes from baseline need the individual values; an ICS's year of
 * referrals is a few hundred thousand rows at most.
 */
@ApplicationScoped
public class ReportService {

    /** NHS reporting months are calendar months in England. */
    static final ZoneId LONDON = ZoneId.of("Europe/London");

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

    /** What to report: months {@code from}-{@code to} inclusive, grouped, optionally one PCN and/or practice. */
    public record Query(YearMonth from, YearMonth to, Grouping by, String pcnCode, String odsCode) {
    }

    private record Key(YearMonth month, String pcnCode, String odsCode) {
    }

    /** The facts of one row before suppression. */
    private static final class Tally {
        long received;
        long accepted;
        long rejected;
        final List<BigDecimal> daysToFirstContact = new ArrayList<>();
        long held;
        long didNotAttend;
        long prescribed;
        final Map<String, Long> closedByReason = new TreeMap<>();
        final Map<String, List<ChangeFromBaseline.MeasureChange>> changes = new TreeMap<>();
        final List<int[]> gpBeforeAfter = new ArrayList<>();
    }

    @Transactional
    public MonthlyReportView monthly(Query query) {
        OffsetDateTime from = query.from().atDay(1).atStartOfDay(LONDON).toOffsetDateTime();
        OffsetDateTime to = query.to().plusMonths(1).atDay(1).atStartOfDay(LONDON).toOffsetDateTime();
        Map<String, String> pcnOfPractice = practices.streamAll()
                .collect(Collectors.toMap(practice -> practice.odsCode, practice -> practice.pcnCode));
        Map<Key, Tally> tallies = new HashMap<>();
        Tallies tally = new Tallies(query, pcnOfPractice, tallies);

        for (ReferralRecord r : referrals.activeBetween(from, to)) {
            tally.at(r.receivedAt, from, to, r.odsCode, null).ifPresent(t -> t.received++);
            tally.at(r.acceptedAt, from, to, r.odsCode, null).ifPresent(t -> t.accepted++);
            tally.at(r.rejectedAt, from, to, r.odsCode, null).ifPresent(t -> t.rejected++);
        }
        for (ContactRecord contact : contacts.heldBetween(from, to)) {
            tally.at(contact.contactAt, from, to, contact.kase.odsCode, contact.kase.pcnCode)
                    .ifPresent(t -> { if (contact.attended) { t.held++; } else { t.didNotAttend++; } });
        }
        for (ContactRecordRepository.FirstContact first : contacts.firstAttendedBetween(from, to)) {
            BigDecimal days = BigDecimal.valueOf(Duration.between(first.referralReceivedAt(), first.at()).toMinutes())
                    .divide(BigDecimal.valueOf(24 * 60), 4, RoundingMode.HALF_UP);
            tally.at(first.at(), from, to, first.kase().odsCode, first.kase().pcnCode)
                    .ifPresent(t -> t.daysToFirstContact.add(days));
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

        List<MonthlyReportView.Row> rows = tallies.entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Key::month)
                        .thenComparing(Key::pcnCode, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(Key::odsCode, Comparator.nullsLast(Comparator.naturalOrder()))))
                .map(e -> row(e.getKey(), e.getValue())).toList();
        return new MonthlyReportView(query.from().toString(), query.to().toString(), query.by(), query.pcnCode(),
                query.odsCode(), OffsetDateTime.now(ZoneOffset.UTC), Suppression.RULE, rows);
    }

    /** Change from baseline per case and instrument, counted in the month of the follow-up it ends with. */
    private void wellbeing(OffsetDateTime from, OffsetDateTime to, Tallies tally) {
        Map<UUID, List<Assessment>> byCase = assessments.ofCasesFollowedUpBetween(from, to).stream()
                .collect(Collectors.groupingBy(a -> a.caseId));
        byCase.forEach((caseId, ofCase) -> {
            CaseRecord kase = cases.findById(caseId);
            CaseOwner owner = owners.findById(caseId);
            String ods = kase == null ? null : kase.odsCode;
            String pcn = kase != null && kase.pcnCode != null ? kase.pcnCode : owner == null ? null : owner.pcnCode;
            for (ChangeFromBaseline.Result change : ChangeFromBaseline.of(ofCase)) {
                tally.at(change.latestCompletedAt(), from, to, ods, pcn).ifPresent(t -> change.measures()
                        .forEach(m -> t.changes.computeIfAbsent(change.instrument().name() + "." + m.measure(),
                                k -> new ArrayList<>()).add(m)));
            }
        });
    }

    /** Finds the tally an event belongs to, or none when it is outside the months or the PCN/practice asked for. */
    private record Tallies(Query query, Map<String, String> pcnOfPractice, Map<Key, Tally> tallies) {

        Optional<Tally> at(OffsetDateTime when, OffsetDateTime from, OffsetDateTime to, String odsCode, String pcnCode) {
            if (when == null || when.isBefore(from) || !when.isBefore(to)) {
                return Optional.empty();
            }
            String pcn = pcnCode != null ? pcnCode : odsCode == null ? null : pcnOfPractice.get(odsCode);
            if ((query.pcnCode() != null && !query.pcnCode().equals(pcn))
                    || (query.odsCode() != null && !query.odsCode().equals(odsCode))) {
                return Optional.empty();
            }
            Key key = new Key(YearMonth.from(when.atZoneSameInstant(LONDON)), pcn,
                    query.by() == Grouping.PRACTICE ? odsCode : null);
            return Optional.of(tallies.computeIfAbsent(key, k -> new Tally()));
        }
    }

    private static MonthlyReportView.Row row(Key key, Tally t) {
        long contacts = t.held + t.didNotAttend;
        long closed = t.closedByReason.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Figure> byReason = new TreeMap<>();
        t.closedByReason.forEach((reason, count) -> byReason.put(reason, Suppression.count(count)));
        List<MonthlyReportView.Wellbeing> wellbeing = t.changes.entrySet().stream().map(e -> {
            String[] name = e.getKey().split("\\.", 2);
            List<ChangeFromBaseline.MeasureChange> changes = e.getValue();
            long people = changes.size();
            long improved = changes.stream().filter(c -> c.direction() == ChangeFromBaseline.Direction.IMPROVED).count();
            return new MonthlyReportView.Wellbeing(name[0], name[1], Suppression.count(people),
                    Suppression.derived(() -> mean(changes.stream().map(ChangeFromBaseline.MeasureChange::change).toList(), 2), people),
                    Suppression.derived(() -> ratio(improved, people), people, improved, people - improved));
        }).toList();
        long gpCases = t.gpBeforeAfter.size();
        return new MonthlyReportView.Row(key.month().toString(), key.pcnCode(), key.odsCode(),
                Suppression.count(t.received), Suppression.count(t.accepted), Suppression.count(t.rejected),
                Suppression.count(t.daysToFirstContact.size()),
                Suppression.derived(() -> median(t.daysToFirstContact), t.daysToFirstContact.size()),
                Suppression.count(t.held), Suppression.count(t.didNotAttend),
                Suppression.derived(() -> ratio(t.didNotAttend, contacts), t.held, t.didNotAttend),
                Suppression.count(t.prescribed), Suppression.count(closed), byReason, wellbeing,
                new MonthlyReportView.GpAttendanceChange(Suppression.count(gpCases),
                        Suppression.derived(() -> mean(values(t.gpBeforeAfter, 0), 1), gpCases),
                        Suppression.derived(() -> mean(values(t.gpBeforeAfter, 1), 1), gpCases),
                        Suppression.derived(() -> mean(t.gpBeforeAfter.stream()
                                .map(ba -> BigDecimal.valueOf(ba[1] - ba[0])).toList(), 1), gpCases)));
    }

    private static List<BigDecimal> values(List<int[]> pairs, int index) {
        return pairs.stream().map(pair -> BigDecimal.valueOf(pair[index])).toList();
    }

    static BigDecimal mean(List<BigDecimal> values, int scale) {
        if (values.isEmpty()) {
            return null;
        }
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), scale, RoundingMode.HALF_UP);
    }

    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal[] sorted = values.stream().sorted().toArray(BigDecimal[]::new);
        int middle = sorted.length / 2;
        BigDecimal median = sorted.length % 2 == 1 ? sorted[middle]
                : sorted[middle - 1].add(sorted[middle]).divide(BigDecimal.valueOf(2), 4, RoundingMode.HALF_UP);
        return median.setScale(1, RoundingMode.HALF_UP);
    }

    static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 3, RoundingMode.HALF_UP);
    }
}
