package org.ibex.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A two-way table as it may leave the node: null stands for a suppressed figure, every other figure is the true count
 * (rounded to {@code roundingBase} when rounding was asked; margins then rounded on their own).
 *
 * @param cells              cells[row][column], null when suppressed
 * @param rowTotals          one per row, null when suppressed (only a row whose total is itself under the threshold,
 *                           or, when no combination of cells can protect a figure, a total used as a complement)
 * @param columnTotals       one per column, null when suppressed
 * @param total              the grand total, null only when it is itself under the threshold
 * @param primarySuppressed  figures (cells and totals) suppressed because 0 &lt; count &lt; threshold
 * @param secondarySuppressed figures suppressed as complements, so that no suppressed figure can be narrowed down
 * @param threshold          the smallest published count, and the least width of every suppressed figure's range
 * @param roundingBase       0 or 1 when not rounded
 */
public record ProtectedTable(String rowDimension, String columnDimension, List<String> rowLabels,
                             List<String> columnLabels, List<List<Long>> cells, List<Long> rowTotals,
                             List<Long> columnTotals, Long total, int primarySuppressed, int secondarySuppressed,
                             int threshold, int roundingBase) {
    public ProtectedTable {
        rowLabels = List.copyOf(rowLabels);
        columnLabels = List.copyOf(columnLabels);
        List<List<Long>> copy = new ArrayList<>(cells.size());
        for (List<Long> line : cells) {
            if (line.size() != columnLabels.size()) {
                throw new IllegalArgumentException("cells: every row must have " + columnLabels.size() + " cells");
            }
            copy.add(frozen(line));
        }
        if (copy.size() != rowLabels.size() || rowTotals.size() != rowLabels.size()
                || columnTotals.size() != columnLabels.size()) {
            throw new IllegalArgumentException("cells and totals must match the labels' shape");
        }
        cells = Collections.unmodifiableList(copy);
        rowTotals = frozen(rowTotals);
        columnTotals = frozen(columnTotals);
    }

    /** The published cell, or null when it is suppressed. */
    public Long cell(int row, int column) {
        return cells.get(row).get(column);
    }

    /** All suppressed figures, primary and secondary, totals included. */
    public int suppressed() {
        return primarySuppressed + secondarySuppressed;
    }

    /** How many of the suppressed figures are margins (row, column or grand totals). */
    public int suppressedTotals() {
        int count = total == null ? 1 : 0;
        for (Long figure : rowTotals) {
            count += figure == null ? 1 : 0;
        }
        for (Long figure : columnTotals) {
            count += figure == null ? 1 : 0;
        }
        return count;
    }

    private static List<Long> frozen(List<Long> figures) {
        return Collections.unmodifiableList(new ArrayList<>(figures));
    }
}
