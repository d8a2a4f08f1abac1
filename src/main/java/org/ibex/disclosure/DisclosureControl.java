package org.ibex.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Statistical disclosure control of a two-way table of counts of people, before it leaves the node.
 * <ol>
 * <li><b>Primary suppression:</b> every figure (cell, row or column total, grand total) with 0 &lt; count &lt;
 * threshold is suppressed. Zeros are published: a true zero says that nobody is there, which discloses nothing about a
 * person. A margin is suppressed only when it is itself small: a row whose total is under the threshold cannot be
 * protected while that total is published (its cells would all lie within [0, total]).</li>
 * <li><b>Secondary suppression:</b> for every suppressed figure, the feasible range [min, max] over all non-negative
 * tables that agree with everything published (published cells, published margins, the sums between them) must be
 * at least {@code threshold} wide. Ranges are computed exactly (see {@link FeasibleRange}: the linear program of the
 * table is a flow problem); while a range is too narrow, the cheapest complementary figures are suppressed (see
 * {@link ComplementSearch}: cells before margins, smallest counts first, never zeros, never the grand total).
 * Suppressing more only widens ranges, so one pass over the suppressed figures (complements included) suffices.</li>
 * <li><b>Rounding</b> (optional, base &gt; 1): every published figure is rounded to the nearest multiple of the base
 * (halves up). Cells and margins are rounded independently, so rounded cells need not add up to rounded margins.
 * Protection is computed on the unrounded truth; rounding only adds uncertainty.</li>
 * </ol>
 * The same table always gives the same suppression. Instances hold no state and may be shared.
 */
public final class DisclosureControl {
    private final int threshold;
    private final int roundingBase;
    private final boolean secondary;

    /**
     * @param threshold    the smallest count that may be published (at least 1), also the width every suppressed
     *                     figure's feasible range must keep
     * @param roundingBase 0 or 1 for no rounding, else the base published figures are rounded to (e.g. 5)
     */
    public DisclosureControl(int threshold, int roundingBase) {
        this(threshold, roundingBase, true);
    }

    /** With {@code secondary} false only primary suppression is done: for tests that show why secondary is needed. */
    DisclosureControl(int threshold, int roundingBase, boolean secondary) {
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, was " + threshold);
        }
        if (roundingBase < 0) {
            throw new IllegalArgumentException("roundingBase must be 0 (no rounding) or positive, was " + roundingBase);
        }
        this.threshold = threshold;
        this.roundingBase = roundingBase;
        this.secondary = secondary;
    }

    public int threshold() {
        return threshold;
    }

    public int roundingBase() {
        return roundingBase;
    }

    /** The table as it may be published: small figures and their complements suppressed, the rest rounded if asked. */
    public ProtectedTable protect(TwoWayTable table) {
        if (table == null) {
            throw new IllegalArgumentException("table must not be null");
        }
        TableNetwork network = new TableNetwork(table);
        int primary = suppressSmall(network);
        int complements = secondary ? suppressComplements(network) : 0;
        return publish(table, network, primary, complements);
    }

    private int suppressSmall(TableNetwork network) {
        int suppressed = 0;
        for (int e = 0; e < network.edges; e++) {
            if (network.value(e) > 0 && network.value(e) < threshold) {
                network.suppress(e);
                suppressed++;
            }
        }
        return suppressed;
    }

    private int suppressComplements(TableNetwork network) {
        FeasibleRange up = new FeasibleRange(network);
        FeasibleRange down = new FeasibleRange(network);
        ComplementSearch search = new ComplementSearch(network);
        Deque<Integer> work = new ArrayDeque<>();
        for (int e = 0; e < network.edges; e++) {
            if (network.isSuppressed(e)) {
                work.add(e);
            }
        }
        int added = 0;
        while (!work.isEmpty()) {
            int e = work.poll();
            for (List<Integer> complements = narrow(network, e, up, down, search); !complements.isEmpty();
                 complements = narrow(network, e, up, down, search)) {
                for (int complement : complements) {
                    network.suppress(complement);
                    work.add(complement);
                    added++;
                }
            }
        }
        return added;
    }

    /** Nothing when figure e's range is wide enough; else the complements that widen it most cheaply. */
    private List<Integer> narrow(TableNetwork network, int e, FeasibleRange up, FeasibleRange down,
                                 ComplementSearch search) {
        int u = network.tail(e);
        int v = network.head(e);
        long raise = up.push(e, v, u, threshold);
        long lowerNeed = Math.min(network.value(e), threshold - raise);
        long lower = lowerNeed > 0 ? down.push(e, u, v, lowerNeed) : 0;
        if (raise + lower >= threshold) {
            return List.of();
        }
        // Both flows are maxima now (neither reached its cap), so any new augmenting path must cross a published edge.
        ComplementSearch.Path path = search.cheapest(e, v, u, up);
        if (lower < network.value(e)) {
            ComplementSearch.Path other = search.cheapest(e, u, v, down);
            if (other.cheaperThan(path)) {
                path = other;
            }
        }
        if (path.complements().isEmpty()) {
            throw new IllegalStateException("no complementary suppression can protect figure " + describe(network, e)
                    + ": its feasible range is " + (raise + lower) + " wide, the threshold is " + threshold);
        }
        return path.complements();
    }

    private static String describe(TableNetwork network, int e) {
        return "(" + e / (network.columns + 1) + ", " + e % (network.columns + 1) + ") = " + network.value(e);
    }

    private ProtectedTable publish(TwoWayTable table, TableNetwork network, int primary, int complements) {
        int rows = table.rowCount();
        int columns = table.columnCount();
        List<List<Long>> cells = new ArrayList<>(rows);
        List<Long> rowTotals = new ArrayList<>(rows);
        for (int row = 0; row < rows; row++) {
            List<Long> line = new ArrayList<>(columns);
            for (int column = 0; column < columns; column++) {
                line.add(published(network, network.edge(row, column)));
            }
            cells.add(line);
            rowTotals.add(published(network, network.edge(row, columns)));
        }
        List<Long> columnTotals = new ArrayList<>(columns);
        for (int column = 0; column < columns; column++) {
            columnTotals.add(published(network, network.edge(rows, column)));
        }
        return new ProtectedTable(table.rowDimension(), table.columnDimension(), table.rowLabels(),
                table.columnLabels(), cells, rowTotals, columnTotals, published(network, network.edge(rows, columns)),
                primary, complements, threshold, roundingBase);
    }

    private Long published(TableNetwork network, int e) {
        return network.isSuppressed(e) ? null : round(network.value(e));
    }

    long round(long count) {
        if (roundingBase <= 1) {
            return count;
        }
        long down = count - count % roundingBase;
        return 2 * (count - down) >= roundingBase ? down + roundingBase : down;
    }
}
