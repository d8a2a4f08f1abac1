package org.ibex.disclosure;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A two-way table of counts of people (rows by one dimension, columns by another), the truth before disclosure control.
 * Row, column and grand totals are computed from the counts, never given, so they always agree with them.
 *
 * @param rowDimension    what the rows are, e.g. "post"; the CSV's first header cell
 * @param columnDimension what the columns are, e.g. "nationality"
 * @param rowLabels       one distinct label per row
 * @param columnLabels    one distinct label per column
 * @param counts          counts[row][column], non-negative, every row as long as {@code columnLabels}
 */
public record TwoWayTable(String rowDimension, String columnDimension, List<String> rowLabels,
                          List<String> columnLabels, long[][] counts) {
    /** Totals stay far from overflow in the protection's path costs, which add a few totals together. */
    static final long MAX_GRAND_TOTAL = 1L << 60;

    /** One (row, column, count) triple, as a query's GROUP BY gives it. */
    public record Entry(String row, String column, long count) {
    }

    public TwoWayTable {
        require(rowDimension != null && !rowDimension.isBlank(), "rowDimension must not be blank");
        require(columnDimension != null && !columnDimension.isBlank(), "columnDimension must not be blank");
        rowLabels = labels("rowLabels", rowLabels);
        columnLabels = labels("columnLabels", columnLabels);
        require(counts != null, "counts must not be null");
        require(counts.length == rowLabels.size(), "counts has " + counts.length + " rows but rowLabels has "
                + rowLabels.size() + " labels");
        long[][] copy = new long[counts.length][];
        long grand = 0;
        for (int row = 0; row < counts.length; row++) {
            require(counts[row] != null, "counts[" + row + "] must not be null");
            require(counts[row].length == columnLabels.size(), "counts[" + row + "] has " + counts[row].length
                    + " columns but columnLabels has " + columnLabels.size() + " labels (rows must not be ragged)");
            copy[row] = counts[row].clone();
            for (int column = 0; column < copy[row].length; column++) {
                long count = copy[row][column];
                require(count >= 0, "counts[" + row + "][" + column + "] must not be negative, was " + count);
                require(count <= MAX_GRAND_TOTAL - grand, "counts: the grand total must be at most 2^60");
                grand += count;
            }
        }
        counts = copy;
    }

    /**
     * Builds a table from (row, column, count) triples: labels in their natural (sorted) order, so that the same
     * figures always give the same table; a pair given twice is added up; pairs never given count zero.
     */
    public static TwoWayTable tabulate(String rowDimension, String columnDimension, List<Entry> entries) {
        Objects.requireNonNull(entries, "entries");
        Set<String> rows = new TreeSet<>();
        Set<String> columns = new TreeSet<>();
        Map<String, Map<String, Long>> sums = new TreeMap<>();
        for (Entry entry : entries) {
            require(entry != null && entry.row() != null && entry.column() != null, "entries: row and column must not be null");
            require(entry.count() >= 0, "entries: count of (" + entry.row() + ", " + entry.column()
                    + ") must not be negative, was " + entry.count());
            rows.add(entry.row());
            columns.add(entry.column());
            sums.computeIfAbsent(entry.row(), k -> new TreeMap<>()).merge(entry.column(), entry.count(), TwoWayTable::add);
        }
        List<String> rowList = new ArrayList<>(rows);
        List<String> columnList = new ArrayList<>(columns);
        long[][] counts = new long[rowList.size()][columnList.size()];
        for (int row = 0; row < rowList.size(); row++) {
            Map<String, Long> line = sums.get(rowList.get(row));
            for (int column = 0; column < columnList.size(); column++) {
                counts[row][column] = line.getOrDefault(columnList.get(column), 0L);
            }
        }
        return new TwoWayTable(rowDimension, columnDimension, rowList, columnList, counts);
    }

    /** A copy: the table itself never changes. */
    @Override
    public long[][] counts() {
        long[][] copy = new long[counts.length][];
        for (int row = 0; row < counts.length; row++) {
            copy[row] = counts[row].clone();
        }
        return copy;
    }

    public int rowCount() {
        return rowLabels.size();
    }

    public int columnCount() {
        return columnLabels.size();
    }

    public long count(int row, int column) {
        return counts[row][column];
    }

    public long[] rowTotals() {
        long[] totals = new long[rowCount()];
        for (int row = 0; row < rowCount(); row++) {
            for (long count : counts[row]) {
                totals[row] += count;
            }
        }
        return totals;
    }

    public long[] columnTotals() {
        long[] totals = new long[columnCount()];
        for (long[] line : counts) {
            for (int column = 0; column < line.length; column++) {
                totals[column] += line[column];
            }
        }
        return totals;
    }

    public long grandTotal() {
        long total = 0;
        for (long row : rowTotals()) {
            total += row;
        }
        return total;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TwoWayTable that && rowDimension.equals(that.rowDimension)
                && columnDimension.equals(that.columnDimension) && rowLabels.equals(that.rowLabels)
                && columnLabels.equals(that.columnLabels) && java.util.Arrays.deepEquals(counts, that.counts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rowDimension, columnDimension, rowLabels, columnLabels, java.util.Arrays.deepHashCode(counts));
    }

    @Override
    public String toString() {
        return "TwoWayTable[" + rowDimension + " x " + columnDimension + ", " + rowCount() + "x" + columnCount()
                + ", total " + grandTotal() + "]";
    }

    private static List<String> labels(String field, List<String> labels) {
        require(labels != null, field + " must not be null");
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            require(label != null, field + "[" + i + "] must not be null");
            require(seen.add(label), field + "[" + i + "]: duplicate label \"" + label + "\" (labels must be distinct)");
        }
        return List.copyOf(labels);
    }

    private static long add(long a, long b) {
        require(a <= MAX_GRAND_TOTAL - b, "entries: the grand total must be at most 2^60");
        return a + b;
    }

    private static void require(boolean rule, String message) {
        if (!rule) {
            throw new IllegalArgumentException(message);
        }
    }
}
