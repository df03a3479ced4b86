package org.linkwork.outcomes.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.journeys.EthnicGroup;
import org.linkwork.outcomes.journeys.PracticePcnRepository;
import org.linkwork.outcomes.journeys.ReferralRecord;
import org.linkwork.outcomes.journeys.ReferralRecordRepository;
import org.linkwork.outcomes.reports.ReachReportView.Split;
import org.linkwork.platform.disclosure.ReportingPeriod;

/**
 * Referrals received per PCN and category of one demographic split. The table of every PCN is suppressed as one
 * (PCNs as rows, categories as columns, with their totals), and a PCN's report is its row of that table, so that two
 * reports of the same period never differ in what they withhold.
 */
@ApplicationScoped
public class ReachReport {

    static final String NOT_RECORDED = "NOT_RECORDED";

    private final ReferralRecordRepository referrals;
    private final PracticePcnRepository practices;

    ReachReport(ReferralRecordRepository referrals, PracticePcnRepository practices) {
        this.referrals = referrals;
        this.practices = practices;
    }

    @Transactional
    public ReachReportView of(ReportingPeriod period, Split by, String pcnCode) {
        Map<String, String> pcnOfPractice = practices.streamAll()
                .collect(Collectors.toMap(practice -> practice.odsCode, practice -> practice.pcnCode));
        List<String> categories = categories(by);
        Function<ReferralRecord, String> category = categoryOf(by);
        Map<String, long[]> byPcn = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (ReferralRecord referral : referrals.receivedBetween(period.start(), period.end())) {
            String pcn = referral.odsCode == null ? null : pcnOfPractice.get(referral.odsCode);
            // A code this version does not list (the producer's schema allows none) counts as not recorded.
            int column = categories.indexOf(category.apply(referral));
            byPcn.computeIfAbsent(pcn, p -> new long[categories.size()])[column < 0 ? categories.size() - 1 : column]++;
        }
        PcnTable.Suppressed<ReachReportView.Row> table = PcnTable.suppress(byPcn, categories, pcnCode,
                ReachReportView.Row::new);
        return new ReachReportView(period.first().toString(), period.last().toString(), by, pcnCode, OffsetDateTime.now(ZoneOffset.UTC),
                ReachReportView.SUPPRESSION_RULE, categories, table.rows(), table.total());
    }

    static List<String> categories(Split by) {
        Stream<String> recorded = switch (by) {
            case SEX -> Stream.of("MALE", "FEMALE", "INDETERMINATE", "NOT_KNOWN");
            case ETHNIC_GROUP -> Stream.of(EthnicGroup.values()).map(Enum::name);
            case AGE_BAND -> Stream.of("0-17", "18-24", "25-34", "35-44", "45-54", "55-64", "65-74", "75-84", "85+");
            case IMD_DECILE -> IntStream.rangeClosed(1, 10).mapToObj(Integer::toString);
        };
        return Stream.concat(recorded, Stream.of(NOT_RECORDED)).toList();
    }

    private static Function<ReferralRecord, String> categoryOf(Split by) {
        Function<ReferralRecord, Object> value = switch (by) {
            case SEX -> r -> r.sex;
            case ETHNIC_GROUP -> r -> r.ethnicGroup;
            case AGE_BAND -> r -> r.ageBand;
            case IMD_DECILE -> r -> r.imdDecile;
        };
        return r -> Objects.toString(value.apply(r), NOT_RECORDED);
    }
}
