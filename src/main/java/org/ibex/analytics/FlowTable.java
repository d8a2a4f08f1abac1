package org.ibex.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Crossings counted by the dimensions of a {@link FlowQuery}: one row per combination seen, in key order. */
public record FlowTable(List<FlowDimension> by, List<Row> rows, long total) {
    public FlowTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /** The rows as name-to-value maps, the dimensions' wire names then {@code crossings}: what JSON and CSV show. */
    public List<Map<String, Object>> namedRows() {
        List<Map<String, Object>> named = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                line.put(by.get(i).wireName(), row.keys().get(i));
            }
            line.put("crossings", row.crossings());
            named.add(line);
        }
        return named;
    }

    /** The column names of {@link #namedRows()}. */
    public List<String> header() {
        List<String> header = new ArrayList<>();
        by.forEach(d -> header.add(d.wireName()));
        header.add("crossings");
        return header;
    }

    /** One combination of the dimensions' values (in the order of {@code by}) and its crossings. */
    public record Row(List<String> keys, long crossings) {
        public Row {
            keys = List.copyOf(keys);
        }
    }
}
