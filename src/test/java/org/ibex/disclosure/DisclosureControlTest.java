package org.ibex.disclosure;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DisclosureControlTest {
    private static TwoWayTable table(long[]... counts) {
        List<String> rows = new ArrayList<>();
        for (int row = 0; row < counts.length; row++) {
            rows.add("R" + row);
        }
        List<String> columns = new ArrayList<>();
        for (int column = 0; column < counts[0].length; column++) {
            columns.add("C" + column);
        }
        return new TwoWayTable("post", "nationality", rows, columns, counts);
    }

    @Test
    void primarySuppressionHidesEverySmallNonZeroCellAndPublishesZeros() {
        TwoWayTable truth = table(new long[]{4, 0, 50, 60}, new long[]{0, 1, 70, 80}, new long[]{30, 2, 90, 9});
        ProtectedTable table = new DisclosureControl(5, 0, false).protect(truth);

        assertThat(table.cells()).containsExactly(Arrays.asList(null, 0L, 50L, 60L), Arrays.asList(0L, null, 70L, 80L),
                Arrays.asList(30L, null, 90L, 9L));
        assertThat(table.rowTotals()).containsExactly(114L, 151L, 131L);
        assertThat(table.columnTotals()).as("column 1 totals 3: under 5").containsExactly(34L, null, 210L, 149L);
        assertThat(table.primarySuppressed()).isEqualTo(4);
        assertThat(table.secondarySuppressed()).isZero();
    }

    @Test
    void aSmallMarginIsSuppressedTooAndCounted() {
        TwoWayTable truth = table(new long[]{1, 2, 0}, new long[]{40, 50, 60}, new long[]{45, 55, 65});
        ProtectedTable table = new DisclosureControl(5, 0).protect(truth);

        assertThat(table.rowTotals().get(0)).as("row 0 totals 3, under the threshold: it cannot be published").isNull();
        assertThat(table.cell(0, 2)).as("a true zero is published").isZero();
        assertThat(table.suppressedTotals()).isPositive();
        assertThat(table.total()).isEqualTo(318L);
        DisclosureAttackTest.assertProtected(truth, table, new Attacker(true));
    }

    @Test
    void aLoneSmallCellGetsTheCheapestComplementsInItsRowAndColumn() {
        TwoWayTable truth = table(new long[]{3, 40, 50}, new long[]{20, 30, 60});
        ProtectedTable table = new DisclosureControl(5, 0).protect(truth);

        assertThat(table.cells()).as("the cheapest cycle: 40 in its row, 20 in its column, 30 closing the rectangle")
                .containsExactly(Arrays.asList(null, null, 50L), Arrays.asList(null, null, 60L));
        assertThat(table.rowTotals()).containsExactly(93L, 110L);
        assertThat(table.columnTotals()).containsExactly(23L, 70L, 110L);
        assertThat(table.total()).isEqualTo(203L);
        assertThat(table.primarySuppressed()).isEqualTo(1);
        assertThat(table.secondarySuppressed()).isEqualTo(3);
        assertThat(table.suppressedTotals()).isZero();
    }

    @Test
    void marginsAreUsedAsComplementsOnlyWhenNoCellsCanProtect() {
        TwoWayTable truth = table(new long[]{3, 0}, new long[]{0, 50});
        ProtectedTable table = new DisclosureControl(5, 0).protect(truth);

        assertThat(table.total()).as("the grand total is always published when not small").isEqualTo(53L);
        assertThat(table.cell(0, 1)).isZero();
        assertThat(table.cell(1, 0)).isZero();
        DisclosureAttackTest.assertProtected(truth, table, new Attacker(true));
    }

    @Test
    void aTableWhoseGrandTotalIsSmallPublishesOnlyItsZeros() {
        TwoWayTable truth = table(new long[]{1, 0}, new long[]{2, 1});
        ProtectedTable table = new DisclosureControl(5, 0).protect(truth);

        assertThat(table.total()).isNull();
        assertThat(table.cells()).containsExactly(Arrays.asList(null, 0L), Arrays.asList(null, null));
        assertThat(table.rowTotals()).containsOnlyNulls();
        DisclosureAttackTest.assertProtected(truth, table, new Attacker(true));
    }

    @Test
    void theSameTableAlwaysGivesTheSameSuppression() {
        TwoWayTable truth = DisclosureAttackTest.random(new Random(5), 12, 15, 0.3, 10);
        TwoWayTable copy = new TwoWayTable("row", "column", truth.rowLabels(), truth.columnLabels(), truth.counts());
        ProtectedTable first = new DisclosureControl(10, 0).protect(truth);

        assertThat(new DisclosureControl(10, 0).protect(copy)).isEqualTo(first);
        assertThat(first.secondarySuppressed()).isPositive();
    }

    @Test
    void roundingPublishesMultiplesOfTheBaseWithMarginsRoundedOnTheirOwn() {
        TwoWayTable truth = table(new long[]{12, 41, 3}, new long[]{27, 33, 50});
        ProtectedTable rounded = new DisclosureControl(5, 5).protect(truth);
        ProtectedTable exact = new DisclosureControl(5, 0).protect(truth);

        List<Long> published = new ArrayList<>(rounded.rowTotals());
        published.addAll(rounded.columnTotals());
        rounded.cells().forEach(published::addAll);
        published.add(rounded.total());
        assertThat(published).filteredOn(v -> v != null).allMatch(v -> v % 5 == 0);
        for (int row = 0; row < 2; row++) {
            for (int column = 0; column < 3; column++) {
                assertThat(rounded.cell(row, column) == null).as("same suppression as without rounding")
                        .isEqualTo(exact.cell(row, column) == null);
            }
        }
        assertThat(rounded.total()).as("166 rounds to 165").isEqualTo(165L);
        assertThat(rounded.roundingBase()).isEqualTo(5);
        DisclosureControl control = new DisclosureControl(5, 5);
        assertThat(List.of(control.round(0), control.round(12), control.round(13), control.round(15), control.round(17)))
                .containsExactly(0L, 10L, 15L, 15L, 15L);
    }

    @Test
    void tabulateSortsLabelsAddsRepeatedPairsAndFillsZeros() {
        TwoWayTable table = TwoWayTable.tabulate("post", "nationality", List.of(new TwoWayTable.Entry("B", "XXB", 4),
                new TwoWayTable.Entry("A", "UTO", 7), new TwoWayTable.Entry("B", "XXB", 2)));

        assertThat(table.rowLabels()).containsExactly("A", "B");
        assertThat(table.columnLabels()).containsExactly("UTO", "XXB");
        assertThat(table.counts()).isEqualTo(new long[][]{{7, 0}, {0, 6}});
        assertThat(table.grandTotal()).isEqualTo(13);
    }

    @Test
    void hostileInputIsRefusedNamingTheFieldAndTheRule() {
        assertThatThrownBy(() -> table(new long[]{1, -2})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counts[0][1]").hasMessageContaining("negative");
        assertThatThrownBy(() -> new TwoWayTable("a", "b", List.of("x", "y"), List.of("p", "q"),
                new long[][]{{1, 2}, {3}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("counts[1]").hasMessageContaining("ragged");
        assertThatThrownBy(() -> new TwoWayTable("a", "b", List.of("x"), List.of("p"), new long[][]{{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowLabels");
        assertThatThrownBy(() -> new TwoWayTable("a", "b", List.of("x", "x"), List.of("p"), new long[][]{{1}, {2}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowLabels[1]")
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> new TwoWayTable("a", "b", Arrays.asList("x", null), List.of("p"),
                new long[][]{{1}, {2}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("rowLabels[1]");
        assertThatThrownBy(() -> new TwoWayTable(" ", "b", List.of(), List.of(), new long[0][]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rowDimension");
        assertThatThrownBy(() -> new TwoWayTable("a", "b", List.of("x"), List.of("p"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counts");
        assertThatThrownBy(() -> table(new long[]{Long.MAX_VALUE / 2, Long.MAX_VALUE / 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("grand total");
        assertThatThrownBy(() -> new DisclosureControl(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold must be at least 1");
        assertThatThrownBy(() -> new DisclosureControl(-3, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("threshold");
        assertThatThrownBy(() -> new DisclosureControl(5, -1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("roundingBase");
        assertThatThrownBy(() -> new DisclosureControl(5, 0).protect(null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("table");
        assertThatThrownBy(() -> TwoWayTable.tabulate("a", "b", List.of(new TwoWayTable.Entry("x", "y", -1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries");
    }

    @Test
    void theTableItselfCannotBeChangedThroughItsArrays() {
        long[][] counts = {{1, 2}, {3, 4}};
        TwoWayTable table = table(counts);
        counts[0][0] = 99;
        table.counts()[1][1] = 99;

        assertThat(table.count(0, 0)).isEqualTo(1);
        assertThat(table.count(1, 1)).isEqualTo(4);
    }

    @Test
    void emptyAndOneByOneTablesAreHandled() {
        ProtectedTable empty = new DisclosureControl(5, 0).protect(
                new TwoWayTable("post", "sex", List.of(), List.of("F", "M"), new long[0][]));
        assertThat(empty.total()).isZero();
        assertThat(empty.columnTotals()).containsExactly(0L, 0L);

        ProtectedTable single = new DisclosureControl(5, 0).protect(table(new long[]{3}));
        assertThat(single.cell(0, 0)).isNull();
        assertThat(single.total()).isNull();
    }

    @Test
    void aLargeTableIsProtectedWithoutBlowingUp() {
        TwoWayTable truth = DisclosureAttackTest.random(new Random(50), 50, 200, 0.3, 10);
        long start = System.nanoTime();
        ProtectedTable table = new DisclosureControl(10, 0).protect(truth);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("50x200 table: %d primary, %d secondary suppressions in %d ms%n",
                table.primarySuppressed(), table.secondarySuppressed(), millis);

        assertThat(table.primarySuppressed()).isGreaterThan(1000);
        assertThat(table.total()).isEqualTo(truth.grandTotal());
    }
}
