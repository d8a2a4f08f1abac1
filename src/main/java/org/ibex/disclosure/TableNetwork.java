package org.ibex.disclosure;

/**
 * The table with its margins seen as a flow network, which is what makes exact protection cheap. Every figure of
 * the (rows+1) x (columns+1) table is an edge: cell (i, j) runs from row node i to column node j, row total i from
 * node OUT to row node i, column total j from column node j to node IN, and the grand total from IN to OUT. Flow is
 * conserved at every node exactly when the figures add up, so the tables that agree with what is published are the
 * true table plus a circulation on the suppressed edges that keeps every figure non-negative. The constraint matrix
 * is a network matrix (totally unimodular): the real and the integer feasible ranges of a figure are the same.
 * Edge ids are {@code row * (columns + 1) + column}, with row = rows for column totals and column = columns for row
 * totals.
 */
final class TableNetwork {
    final int rows;
    final int columns;
    final int edges;
    final int nodes;
    private final long[] value;
    private final int[] tail;
    private final int[] head;
    private final boolean[] suppressed;
    /** Per node, the ids of the edges that touch it, in ascending order (so every search is deterministic). */
    private final int[][] incident;

    TableNetwork(TwoWayTable table) {
        rows = table.rowCount();
        columns = table.columnCount();
        edges = (rows + 1) * (columns + 1);
        nodes = rows + columns + 2;
        value = new long[edges];
        tail = new int[edges];
        head = new int[edges];
        suppressed = new boolean[edges];
        long[] rowTotals = table.rowTotals();
        long[] columnTotals = table.columnTotals();
        int in = rows + columns;
        int out = in + 1;
        for (int row = 0; row <= rows; row++) {
            for (int column = 0; column <= columns; column++) {
                int e = edge(row, column);
                if (row < rows && column < columns) {
                    set(e, table.count(row, column), row, rows + column);
                } else if (row < rows) {
                    set(e, rowTotals[row], out, row);
                } else if (column < columns) {
                    set(e, columnTotals[column], rows + column, in);
                } else {
                    set(e, table.grandTotal(), in, out);
                }
            }
        }
        int[] degree = new int[nodes];
        for (int e = 0; e < edges; e++) {
            degree[tail[e]]++;
            degree[head[e]]++;
        }
        incident = new int[nodes][];
        for (int node = 0; node < nodes; node++) {
            incident[node] = new int[degree[node]];
            degree[node] = 0;
        }
        for (int e = 0; e < edges; e++) {
            incident[tail[e]][degree[tail[e]]++] = e;
            incident[head[e]][degree[head[e]]++] = e;
        }
    }

    private void set(int e, long count, int from, int to) {
        value[e] = count;
        tail[e] = from;
        head[e] = to;
    }

    int edge(int row, int column) {
        return row * (columns + 1) + column;
    }

    long value(int e) {
        return value[e];
    }

    int tail(int e) {
        return tail[e];
    }

    int head(int e) {
        return head[e];
    }

    /** The node at the other end of edge e from the given one. */
    int other(int e, int node) {
        return tail[e] == node ? head[e] : tail[e];
    }

    int[] incident(int node) {
        return incident[node];
    }

    boolean isMargin(int e) {
        return e / (columns + 1) == rows || e % (columns + 1) == columns;
    }

    boolean isGrandTotal(int e) {
        return e == edges - 1;
    }

    boolean isSuppressed(int e) {
        return suppressed[e];
    }

    void suppress(int e) {
        suppressed[e] = true;
    }
}
