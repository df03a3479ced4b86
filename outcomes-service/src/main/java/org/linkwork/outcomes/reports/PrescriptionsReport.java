package org.linkwork.outcomes.reports;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.linkwork.outcomes.journeys.PracticePcnRepository;
import org.linkwork.outcomes.journeys.PrescriptionRecord;
import org.linkwork.outcomes.journeys.PrescriptionRecordRepository;
import org.linkwork.platform.disclosure.ReportingPeriod;

/**
 * Social prescriptions accepted per PCN and kind of activity (the directory's taxonomy terms of the service). A
 * prescription counts once under each of its terms, so the cells count term mentions. As in {@link ReachReport}, the
 * table of every PCN is suppressed as one (PCNs as rows, terms as columns, with their totals), and a PCN's report is
 * its row of that table, so that two reports of the same period never differ in what they withhold.
 */
@ApplicationScoped
public class PrescriptionsReport {

    /** Terms not known (the prescription was announced in caseload-service's v1 only) or none in the directory. */
    static final String NOT_RECORDED = "NOT_RECORDED";

    private final PrescriptionRecordRepository prescriptions;
    private final PracticePcnRepository practices;

    PrescriptionsReport(PrescriptionRecordRepository prescriptions, PracticePcnRepository practices) {
        this.prescriptions = prescriptions;
        this.practices = practices;
    }

    @Transactional
    public PrescriptionsReportView of(ReportingPeriod period, String pcnCode) {
        Map<String, String> pcnOfPractice = practices.streamAll()
                .collect(Collectors.toMap(practice -> practice.odsCode, practice -> practice.pcnCode));
        List<PrescriptionRecord> prescribed = prescriptions.prescribedBetween(period.start(), period.end());
        // Every PCN's row has the region's columns, so a coordinator's row is the region's row.
        List<String> terms = new ArrayList<>(prescribed.stream().filter(p -> p.taxonomyTerms != null)
                .flatMap(p -> p.taxonomyTerms.stream()).collect(Collectors.toCollection(TreeSet::new)));
        terms.add(NOT_RECORDED);
        Map<String, Integer> column = new TreeMap<>();
        for (int c = 0; c < terms.size(); c++) {
            column.put(terms.get(c), c);
        }

        Map<String, long[]> byPcn = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (PrescriptionRecord prescription : prescribed) {
            String pcn = prescription.kase.pcnCode != null ? prescription.kase.pcnCode
                    : prescription.kase.odsCode == null ? null : pcnOfPractice.get(prescription.kase.odsCode);
            long[] row = byPcn.computeIfAbsent(pcn, p -> new long[terms.size()]);
            termsOf(prescription).forEach(term -> row[column.get(term)]++);
        }
        PcnTable.Suppressed<PrescriptionsReportView.Row> table = PcnTable.suppress(byPcn, terms, pcnCode,
                PrescriptionsReportView.Row::new);
        return new PrescriptionsReportView(period.first().toString(), period.last().toString(), pcnCode,
                OffsetDateTime.now(ZoneOffset.UTC), PrescriptionsReportView.SUPPRESSION_RULE, terms, table.rows(),
                table.total());
    }

    /** The columns a prescription counts in: each of its terms, else NOT_RECORDED. */
    private static List<String> termsOf(PrescriptionRecord prescription) {
        return prescription.taxonomyTerms == null || prescription.taxonomyTerms.isEmpty() ? List.of(NOT_RECORDED)
                : prescription.taxonomyTerms;
    }
}
