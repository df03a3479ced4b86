package org.linkwork.outcomes.reports;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

import org.linkwork.platform.disclosure.Figure;
import org.linkwork.platform.disclosure.SuppressedTable;

/**
 * Counts per PCN (rows) and category (columns) of a period, suppressed as one table: a PCN's answer is its row of
 * the region's table, so that two answers for the same period never differ in what they withhold. The reach and
 * prescriptions reports are both such a table.
 */
final class PcnTable {

    /** Makes a report's own row record (its JSON names the counts) from a PCN, its counts and their total. */
    interface RowOf<R> {
        R row(String pcnCode, Map<String, Figure> counts, Figure total);
    }

    /** The rows asked for and, when every PCN was asked for, the region's totals (else null). */
    record Suppressed<R>(List<R> rows, R total) {
    }

    private PcnTable() {
    }

    /**
     * @param byPcn   counts per PCN, in the order the rows are shown (null for a PCN not known yet)
     * @param pcnCode the one PCN asked for, or null for every PCN and the region's totals
     */
    static <R> Suppressed<R> suppress(Map<String, long[]> byPcn, List<String> columns, String pcnCode, RowOf<R> rowOf) {
        if (byPcn.isEmpty()) {
            Figure zero = new Figure(0, false);
            return new Suppressed<>(List.of(), pcnCode != null ? null : rowOf.row(null, counts(columns, c -> zero), zero));
        }
        List<String> pcns = new ArrayList<>(byPcn.keySet());
        SuppressedTable table = SuppressedTable.of(byPcn.values().toArray(long[][]::new));
        List<R> rows = new ArrayList<>();
        for (int row = 0; row < pcns.size(); row++) {
            if (pcnCode == null || pcnCode.equals(pcns.get(row))) {
                int r = row;
                rows.add(rowOf.row(pcns.get(row), counts(columns, c -> table.cell(r, c)), table.rowTotal(r)));
            }
        }
        R total = pcnCode != null ? null : rowOf.row(null, counts(columns, table::columnTotal), table.grandTotal());
        return new Suppressed<>(rows, total);
    }

    private static Map<String, Figure> counts(List<String> columns, IntFunction<Figure> figure) {
        Map<String, Figure> counts = new LinkedHashMap<>();
        for (int c = 0; c < columns.size(); c++) {
            counts.put(columns.get(c), figure.apply(c));
        }
        return counts;
    }
}
