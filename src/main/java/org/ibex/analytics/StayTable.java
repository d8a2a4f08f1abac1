package org.ibex.analytics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stays counted by the dimensions asked ({@code by}: wire names), one row per combination seen, in key order. */
public record StayTable(List<String> by, List<Row> rows, long total) {
    public StayTable {
        by = List.copyOf(by);
        rows = List.copyOf(rows);
    }

    /** The rows as name-to-value maps, the dimensions then {@code stays}: what JSON and CSV show. */
    public List<Map<String, Object>> namedRows() {
        List<Map<String, Object>> named = new ArrayList<>(rows.size());
        for (Row row : rows) {
            Map<String, Object> line = new LinkedHashMap<>();
            for (int i = 0; i < by.size(); i++) {
                line.put(by.get(i), row.keys().get(i));
            }
            line.put("stays", row.stays());
            named.add(line);
        }
        return named;
    }

    /** The column names of {@link #namedRows()}. */
    public List<String> header() {
        List<String> header = new ArrayList<>(by);
        header.add("stays");
        return header;
    }

    /** One combination of the dimensions' values (in the order of {@code by}) and its stays. */
    public record Row(List<String> keys, long stays) {
        public Row {
            keys = List.copyOf(keys);
        }
    }
}
