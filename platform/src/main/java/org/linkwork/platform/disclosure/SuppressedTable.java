package org.linkwork.platform.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * A table of counts published with its row totals, column totals and grand total, suppressed so that no withheld
 * figure can be worked out from the others. Primary suppression withholds every count from 1 to 7 (see
 * {@link Suppression}); secondary suppression then withholds further figures until every withheld one could take
 * more than one value consistent with everything shown.
 * <p>
 * The check is exact, not a rule of thumb ("two withheld cells per row"): someone who knows that rows and columns
 * add up to their totals and that a withheld figure is at least 1 (0 is always shown) can recover a withheld figure
 * only if no other whole-number table agrees with what is shown. Two such tables differ by a circulation of +1/-1
 * around a cycle of withheld cells alternating between a row and a column (the tables' constraints form a network
 * matrix, so one unit step along one cycle is enough), which is a path search per withheld figure.
 * Complementary figures are chosen smallest first and never among zeros.
 */
public final class SuppressedTable {

    private final int rows;
    private final int columns;
    // The table extended by its totals: column `columns` holds the row totals, row `rows` the column totals.
    private final long[][] counts;
    private final boolean[][] withheld;

    private SuppressedTable(long[][] cells) {
        rows = cells.length;
        columns = rows == 0 ? 0 : cells[0].length;
        counts = new long[rows + 1][columns + 1];
        withheld = new boolean[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + cells[r].length + " cells, not " + columns);
            }
            for (int c = 0; c < columns; c++) {
                long count = cells[r][c];
                counts[r][c] = count;
                counts[r][columns] += count;
                counts[rows][c] += count;
                counts[rows][columns] += count;
            }
        }
    }

    /** Suppresses {@code cells} (rows of equal length) published with their totals. */
    public static SuppressedTable of(long[][] cells) {
        SuppressedTable table = new SuppressedTable(cells);
        table.suppress();
        return table;
    }

    public Figure cell(int row, int column) {
        return figure(row, column);
    }

    public Figure rowTotal(int row) {
        return figure(row, columns);
    }

    public Figure columnTotal(int column) {
        return figure(rows, column);
    }

    public Figure grandTotal() {
        return figure(rows, columns);
    }

    private Figure figure(int row, int column) {
        return withheld[row][column] ? Figure.SUPPRESSED : new Figure(counts[row][column], false);
    }

    private void suppress() {
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                withheld[r][c] = Suppression.suppresses(counts[r][c]);
            }
        }
        int[] exposed;
        while ((exposed = firstRecoverable()) != null) {
            protect(exposed[0], exposed[1]);
        }
    }

    private int[] firstRecoverable() {
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                if (withheld[r][c] && recoverable(r, c)) {
                    return new int[] { r, c };
                }
            }
        }
        return null;
    }

    /**
     * Withholds the smallest shown non-zero figure that makes (row, column) unrecoverable; when no single one does,
     * the smallest in its row or column, and the loop in {@link #suppress} goes on. It ends: once a cell's row
     * total, column total and grand total are all withheld, the cell can rise by one with them.
     */
    private void protect(int row, int column) {
        List<int[]> candidates = new ArrayList<>();
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                if (!withheld[r][c] && counts[r][c] > 0) {
                    candidates.add(new int[] { r, c });
                }
            }
        }
        candidates.sort(Comparator.<int[]>comparingLong(cell -> counts[cell[0]][cell[1]])
                .thenComparingInt(cell -> isTotal(cell[0], cell[1]) ? 1 : 0));
        for (int[] candidate : candidates) {
            withheld[candidate[0]][candidate[1]] = true;
            if (!recoverable(row, column)) {
                return;
            }
            withheld[candidate[0]][candidate[1]] = false;
        }
        int[] inLine = candidates.stream().filter(cell -> cell[0] == row || cell[1] == column).findFirst()
                .orElseThrow(() -> new IllegalStateException("nothing left to withhold beside " + row + "," + column));
        withheld[inLine[0]][inLine[1]] = true;
    }

    private boolean isTotal(int row, int column) {
        return row == rows || column == columns;
    }

    /*
     * Totals enter the circulation with the opposite sign to the cells (a cell up by one takes its row total up by
     * one), so "up" for a total means its count falls. A withheld count may not fall below 1.
     */
    private boolean canRise(int row, int column) {
        return sign(row, column) > 0 || counts[row][column] >= 2;
    }

    private boolean canFall(int row, int column) {
        return sign(row, column) < 0 || counts[row][column] >= 2;
    }

    private int sign(int row, int column) {
        return (row == rows) == (column == columns) ? 1 : -1;
    }

    /** Whether no other table agreeing with everything shown has a different figure at (row, column). */
    boolean recoverable(int row, int column) {
        boolean rises = canRise(row, column) && reaches(false, column, row, row, column);
        boolean falls = canFall(row, column) && reaches(true, row, column, row, column);
        return !rises && !falls;
    }

    /**
     * Path search over withheld figures other than (skipRow, skipColumn): from a row along a figure that can rise
     * to its column, from a column along a figure that can fall to its row.
     */
    private boolean reaches(boolean fromRow, int from, int to, int skipRow, int skipColumn) {
        boolean[] seenRows = new boolean[rows + 1];
        boolean[] seenColumns = new boolean[columns + 1];
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] { fromRow ? 0 : 1, from });
        if (fromRow) {
            seenRows[from] = true;
        } else {
            seenColumns[from] = true;
        }
        while (!queue.isEmpty()) {
            int[] node = queue.poll();
            boolean atRow = node[0] == 0;
            if (atRow == !fromRow && node[1] == to) {
                return true;
            }
            int limit = atRow ? columns : rows;
            for (int next = 0; next <= limit; next++) {
                int r = atRow ? node[1] : next;
                int c = atRow ? next : node[1];
                if (!withheld[r][c] || (r == skipRow && c == skipColumn)) {
                    continue;
                }
                if (atRow && canRise(r, c) && !seenColumns[c]) {
                    seenColumns[c] = true;
                    queue.add(new int[] { 1, c });
                } else if (!atRow && canFall(r, c) && !seenRows[r]) {
                    seenRows[r] = true;
                    queue.add(new int[] { 0, r });
                }
            }
        }
        return false;
    }
}
