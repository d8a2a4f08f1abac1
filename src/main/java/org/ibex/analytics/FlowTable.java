package org.ibex.analytics;

import java.util.List;

/** Crossings counted by the dimensions of a {@link FlowQuery}: one row per combination seen, in key order. */
public record FlowTable(List<FlowDimension> by, List<Row> rows, long total) {
    public FlowTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /** One combination of the dimensions' values (in the order of {@code by}) and its crossings. */
    public record Row(List<String> keys, long crossings) {
        public Row {
            keys = List.copyOf(keys);
        }
    }
}
