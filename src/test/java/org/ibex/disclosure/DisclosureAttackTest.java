package org.ibex.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tries to recover every suppressed figure of many protected tables from what they publish, and fails: each
 * suppressed figure's feasible range, by an independent linear program, stays at least the threshold wide. The same
 * attack on tables with primary suppression only does recover figures, so the attack is a real one.
 */
class DisclosureAttackTest {
    private static final int[][] SHAPES = {{2, 2}, {2, 3}, {3, 2}, {3, 3}, {2, 7}, {4, 5}, {5, 4}, {6, 6}, {1, 5},
            {5, 1}, {8, 12}, {10, 10}, {12, 8}, {20, 30}};
    private static final int[] THRESHOLDS = {3, 5, 10};

    @Test
    void anAttackerWhoKnowsEverythingPublishedCannotNarrowAnySuppressedFigureBelowTheThreshold() {
        Random random = new Random(19);
        int tables = 0;
        int attacked = 0;
        int complements = 0;
        int totals = 0;
        for (int round = 0; round < 3; round++) {
            for (int[] shape : SHAPES) {
                int threshold = THRESHOLDS[(round + tables) % THRESHOLDS.length];
                double zeros = round == 2 ? 0.6 : 0.25;
                TwoWayTable truth = random(random, shape[0], shape[1], zeros, threshold);
                ProtectedTable table = new DisclosureControl(threshold, 0).protect(truth);
                boolean full = shape[0] * shape[1] <= 36;
                attacked += assertProtected(truth, table, new Attacker(false));
                complements += table.secondarySuppressed();
                totals += table.suppressedTotals();
                if (full) {
                    assertProtected(truth, table, new Attacker(true));
                }
                tables++;
            }
        }
        System.out.printf("%d tables: %d suppressed figures attacked, %d complements, %d totals suppressed%n",
                tables, attacked, complements, totals);
        assertThat(attacked).as("suppressed figures attacked over %d tables", tables).isGreaterThan(500);
        assertThat(complements).as("the tables needed complementary suppression").isGreaterThan(50);
        assertThat(totals).as("some tables had margins under the threshold").isPositive();
    }

    @Test
    void sparseTablesWithSmallMarginsAreProtectedToo() {
        Random random = new Random(7);
        for (int i = 0; i < 25; i++) {
            int rows = 2 + random.nextInt(4);
            int columns = 2 + random.nextInt(4);
            TwoWayTable truth = random(random, rows, columns, 0.75, 10);
            ProtectedTable table = new DisclosureControl(10, 0).protect(truth);
            assertProtected(truth, table, new Attacker(true));
            assertProtected(truth, table, new Attacker(false));
        }
    }

    @Test
    void withoutSecondarySuppressionTheSameAttackRecoversFigures() {
        Random random = new Random(19);
        int narrowed = 0;
        int recovered = 0;
        for (int[] shape : SHAPES) {
            if (shape[0] * shape[1] > 200) {
                continue;
            }
            TwoWayTable truth = random(random, shape[0], shape[1], 0.25, 5);
            ProtectedTable table = new DisclosureControl(5, 0, false).protect(truth);
            assertThat(table.secondarySuppressed()).isZero();
            for (Attacker.Range range : new Attacker(false).attack(table)) {
                narrowed += range.width() < 5 - 1e-6 ? 1 : 0;
                recovered += range.width() < 1e-6 ? 1 : 0;
            }
        }
        assertThat(narrowed).as("figures narrowed below the threshold with primary suppression only").isPositive();
        assertThat(recovered).as("figures recovered exactly with primary suppression only").isPositive();
    }

    @Test
    void aLoneSmallCellInARowIsRecoveredFromTheRowTotalUnlessComplemented() {
        TwoWayTable truth = new TwoWayTable("post", "nationality", List.of("A", "B"), List.of("X", "Y", "Z"),
                new long[][]{{3, 40, 50}, {20, 30, 60}});
        List<Attacker.Range> exposed = new Attacker(false).attack(new DisclosureControl(5, 0, false).protect(truth));
        assertThat(exposed).singleElement().satisfies(range -> {
            assertThat(range.min()).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-6));
            assertThat(range.max()).isCloseTo(3, org.assertj.core.api.Assertions.within(1e-6));
        });
        assertProtected(truth, new DisclosureControl(5, 0).protect(truth), new Attacker(true));
    }

    /** Asserts the attacker learns less than the threshold about every suppressed figure; returns how many. */
    static int assertProtected(TwoWayTable truth, ProtectedTable table, Attacker attacker) {
        long[][] figures = figures(truth);
        List<Attacker.Range> ranges = attacker.attack(table);
        assertThat(ranges).hasSize(table.suppressed());
        for (Attacker.Range range : ranges) {
            long value = figures[range.row()][range.column()];
            assertThat(range.width()).as("range of figure (%d, %d) = %d in %s under threshold %d: [%s, %s]",
                    range.row(), range.column(), value, truth, table.threshold(), range.min(), range.max())
                    .isGreaterThanOrEqualTo(table.threshold() - 1e-6);
            assertThat(value).as("the truth is feasible").isBetween((long) Math.floor(range.min() - 1e-6),
                    range.max() == Double.POSITIVE_INFINITY ? Long.MAX_VALUE : (long) Math.ceil(range.max() + 1e-6));
        }
        return ranges.size();
    }

    /** The truth as one grid of figures: row = rows holds the column totals, column = columns the row totals. */
    static long[][] figures(TwoWayTable truth) {
        int rows = truth.rowCount();
        int columns = truth.columnCount();
        long[][] figures = new long[rows + 1][columns + 1];
        long[] rowTotals = truth.rowTotals();
        long[] columnTotals = truth.columnTotals();
        for (int row = 0; row < rows; row++) {
            for (int column = 0; column < columns; column++) {
                figures[row][column] = truth.count(row, column);
            }
            figures[row][columns] = rowTotals[row];
        }
        for (int column = 0; column < columns; column++) {
            figures[rows][column] = columnTotals[column];
        }
        figures[rows][columns] = truth.grandTotal();
        return figures;
    }

    /**
     * A skewed table like real crossings by two dimensions: a share of zeros, many counts under the threshold and
     * a long tail of large ones (log-normal).
     */
    static TwoWayTable random(Random random, int rows, int columns, double zeros, int threshold) {
        long[][] counts = new long[rows][columns];
        for (long[] line : counts) {
            for (int column = 0; column < columns; column++) {
                if (random.nextDouble() >= zeros) {
                    line[column] = 1 + (long) Math.exp(random.nextGaussian() * 1.6 + Math.log(threshold));
                }
            }
        }
        List<String> rowLabels = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            rowLabels.add("r" + row);
        }
        List<String> columnLabels = new ArrayList<>();
        for (int column = 0; column < columns; column++) {
            columnLabels.add("c" + column);
        }
        return new TwoWayTable("row", "column", rowLabels, columnLabels, counts);
    }
}
