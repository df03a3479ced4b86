package org.linkwork.platform.disclosure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.Test;

/**
 * Attacks suppressed tables the way someone holding the published figures would: knowing that rows and columns add
 * up to their totals and that a withheld figure is at least 1, what values can each withheld figure still take?
 * Two attackers: linear programming (exact here, because a table's constraints form a network matrix whose optima
 * are whole numbers) over many generated tables, and plain enumeration of every whole-number table over small ones.
 */
class SuppressedTableTest {

    /** What a reader sees: the table extended by its totals, null where withheld. */
    private static Long[][] published(SuppressedTable table, int rows, int columns) {
        Long[][] shown = new Long[rows + 1][columns + 1];
        for (int r = 0; r <= rows; r++) {
            for (int c = 0; c <= columns; c++) {
                Figure figure = r == rows && c == columns ? table.grandTotal()
                        : r == rows ? table.columnTotal(c) : c == columns ? table.rowTotal(r) : table.cell(r, c);
                shown[r][c] = figure.suppressed() ? null : figure.value().longValue();
            }
        }
        return shown;
    }

    @Test
    void theAttackerRecoversASmallCountLeftAloneInItsRowWithoutSecondarySuppression() {
        Long[][] primaryOnly = { { null, 20L, 23L }, { 15L, 30L, 45L }, { 18L, 50L, 68L } };

        assertEquals(List.of(3.0, 3.0), LinearProgram.range(primaryOnly, 0, 0));
        assertEquals(Set.of(3L), Enumeration.values(primaryOnly, 0, 0, 30));
    }

    @Test
    void aTableWithoutSmallCountsIsShownWhole() {
        SuppressedTable table = SuppressedTable.of(new long[][] { { 10, 20 }, { 30, 0 } });

        Long[][] shown = published(table, 2, 2);
        assertEquals(List.of(10L, 20L, 30L), List.of(shown[0][0], shown[0][1], shown[0][2]));
        assertEquals(List.of(30L, 0L, 30L), List.of(shown[1][0], shown[1][1], shown[1][2]));
        assertEquals(List.of(40L, 20L, 60L), List.of(shown[2][0], shown[2][1], shown[2][2]));
    }

    @Test
    void aSmallCountIsHiddenInARectangleOfTheSmallestFiguresBesideIt() {
        SuppressedTable table = SuppressedTable.of(new long[][] { { 3, 9, 50 }, { 20, 30, 40 } });

        Long[][] shown = published(table, 2, 3);
        assertEquals(null, shown[0][0]);
        assertEquals(null, shown[0][1]);
        assertEquals(null, shown[1][0]);
        assertEquals(null, shown[1][1]);
        assertEquals(50L, shown[0][2]);
        assertEquals(62L, shown[0][3]);
        assertEquals(152L, shown[2][3]);
    }

    @Test
    void zeroIsNeverWithheldToHideAnotherFigure() {
        SuppressedTable table = SuppressedTable.of(new long[][] { { 4, 0 }, { 0, 0 } });

        Long[][] shown = published(table, 2, 2);
        assertEquals(0L, shown[0][1]);
        assertEquals(0L, shown[1][0]);
        assertEquals(0L, shown[1][1]);
        assertEquals(null, shown[2][2]);
    }

    @Test
    void noWithheldFigureOfAGeneratedTableCanBeWorkedOutByLinearProgramming() {
        Random random = new Random(20261203);
        int withheld = 0;
        for (int n = 0; n < 1500; n++) {
            long[][] cells = generated(random, 1 + random.nextInt(5), 1 + random.nextInt(6), 60);
            SuppressedTable table = SuppressedTable.of(cells);
            Long[][] shown = published(table, cells.length, cells[0].length);
            assertHonest(cells, shown);
            for (int r = 0; r < shown.length; r++) {
                for (int c = 0; c < shown[0].length; c++) {
                    if (shown[r][c] == null) {
                        withheld++;
                        List<Double> range = LinearProgram.range(shown, r, c);
                        assertTrue(range.get(1) - range.get(0) >= 1 - 1e-6,
                                "table " + n + " cell " + r + "," + c + " pinned to " + range);
                    }
                }
            }
        }
        assertTrue(withheld > 3000, "the generated tables withheld only " + withheld + " figures");
    }

    @Test
    void everyWholeNumberTableAgreeingWithASmallPublishedTableLeavesEachWithheldFigureOpen() {
        Random random = new Random(3122026);
        for (int n = 0; n < 300; n++) {
            int rows = 1 + random.nextInt(2);
            long[][] cells = generated(random, rows, rows == 1 ? 1 + random.nextInt(4) : 2, 12);
            Long[][] shown = published(SuppressedTable.of(cells), cells.length, cells[0].length);
            for (int r = 0; r < shown.length; r++) {
                for (int c = 0; c < shown[0].length; c++) {
                    if (shown[r][c] == null) {
                        assertTrue(Enumeration.values(shown, r, c, 30).size() >= 2, "table " + n + " cell " + r + "," + c);
                    }
                }
            }
        }
    }

    /** Every count from 1 to 7 is withheld, and whatever is shown is the true figure. */
    private static void assertHonest(long[][] cells, Long[][] shown) {
        long[][] extended = extended(cells);
        for (int r = 0; r < extended.length; r++) {
            for (int c = 0; c < extended[0].length; c++) {
                if (Suppression.suppresses(extended[r][c])) {
                    assertEquals(null, shown[r][c]);
                } else if (shown[r][c] != null) {
                    assertEquals(extended[r][c], shown[r][c].longValue());
                }
                assertFalse(extended[r][c] == 0 && shown[r][c] == null, "a zero withheld");
            }
        }
    }

    // Many zeros and small counts, as in a month of one PCN split by practice.
    private static long[][] generated(Random random, int rows, int columns, int largest) {
        long[][] cells = new long[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                int kind = random.nextInt(10);
                cells[r][c] = kind < 3 ? 0 : kind < 7 ? 1 + random.nextInt(7) : 8 + random.nextInt(largest - 7);
            }
        }
        return cells;
    }

    private static long[][] extended(long[][] cells) {
        int rows = cells.length;
        int columns = cells[0].length;
        long[][] extended = new long[rows + 1][columns + 1];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                extended[r][c] = cells[r][c];
                extended[r][columns] += cells[r][c];
                extended[rows][c] += cells[r][c];
                extended[rows][columns] += cells[r][c];
            }
        }
        return extended;
    }

    /** The smallest and largest value a withheld figure can take (largest infinite when unbounded). */
    static final class LinearProgram {

        static List<Double> range(Long[][] shown, int row, int column) {
            List<int[]> unknowns = new ArrayList<>();
            for (int r = 0; r < shown.length; r++) {
                for (int c = 0; c < shown[0].length; c++) {
                    if (shown[r][c] == null) {
                        unknowns.add(new int[] { r, c });
                    }
                }
            }
            int target = -1;
            for (int i = 0; i < unknowns.size(); i++) {
                if (unknowns.get(i)[0] == row && unknowns.get(i)[1] == column) {
                    target = i;
                }
            }
            List<LinearConstraint> constraints = new ArrayList<>();
            int rows = shown.length - 1;
            int columns = shown[0].length - 1;
            for (int line = 0; line <= rows + columns + 1; line++) {
                boolean isRow = line <= rows;
                int index = isRow ? line : line - rows - 1;
                double[] coefficients = new double[unknowns.size()];
                double known = 0;
                int length = isRow ? columns : rows;
                for (int k = 0; k <= length; k++) {
                    int r = isRow ? index : k;
                    int c = isRow ? k : index;
                    // The line's parts add up to its total (position `length`): parts +1, total -1.
                    double weight = k == length ? -1 : 1;
                    if (shown[r][c] == null) {
                        coefficients[position(unknowns, r, c)] += weight;
                    } else {
                        known += weight * shown[r][c];
                    }
                }
                constraints.add(new LinearConstraint(coefficients, Relationship.EQ, -known));
            }
            for (int i = 0; i < unknowns.size(); i++) {
                double[] coefficients = new double[unknowns.size()];
                coefficients[i] = 1;
                constraints.add(new LinearConstraint(coefficients, Relationship.GEQ, 1));
            }
            double[] objective = new double[unknowns.size()];
            objective[target] = 1;
            double min = optimum(objective, constraints, GoalType.MINIMIZE);
            double max = optimum(objective, constraints, GoalType.MAXIMIZE);
            return List.of(min, max);
        }

        private static double optimum(double[] objective, List<LinearConstraint> constraints, GoalType goal) {
            try {
                return new SimplexSolver().optimize(new MaxIter(10_000), new LinearObjectiveFunction(objective, 0),
                        new LinearConstraintSet(constraints), goal, new NonNegativeConstraint(true)).getValue();
            } catch (UnboundedSolutionException unbounded) {
                return Double.POSITIVE_INFINITY;
            }
        }

        private static int position(List<int[]> unknowns, int row, int column) {
            for (int i = 0; i < unknowns.size(); i++) {
                if (unknowns.get(i)[0] == row && unknowns.get(i)[1] == column) {
                    return i;
                }
            }
            throw new IllegalArgumentException(row + "," + column);
        }
    }

    /** Every value a withheld figure takes over all tables with withheld cells from 1 to {@code bound}. */
    static final class Enumeration {

        static Set<Long> values(Long[][] shown, int row, int column, int bound) {
            int rows = shown.length - 1;
            int columns = shown[0].length - 1;
            long[][] cells = new long[rows][columns];
            Set<Long> seen = new HashSet<>();
            fill(shown, cells, 0, bound, row, column, seen);
            return seen;
        }

        private static void fill(Long[][] shown, long[][] cells, int index, int bound, int row, int column,
                Set<Long> seen) {
            int rows = cells.length;
            int columns = cells[0].length;
            if (index == rows * columns) {
                long[][] table = extended(cells);
                for (int r = 0; r <= rows; r++) {
                    for (int c = 0; c <= columns; c++) {
                        boolean agrees = shown[r][c] == null ? table[r][c] >= 1 : table[r][c] == shown[r][c];
                        if (!agrees) {
                            return;
                        }
                    }
                }
                seen.add(table[row][column]);
                return;
            }
            int r = index / columns;
            int c = index % columns;
            if (shown[r][c] != null) {
                cells[r][c] = shown[r][c];
                fill(shown, cells, index + 1, bound, row, column, seen);
                return;
            }
            for (long value = 1; value <= bound && seen.size() < 2; value++) {
                cells[r][c] = value;
                fill(shown, cells, index + 1, bound, row, column, seen);
            }
        }
    }
}
