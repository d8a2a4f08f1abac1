package org.ibex.watchlist;

import java.util.List;
import java.util.Map;

/**
 * One row of our own CSV or one object of our JSON before it is checked: field values by canonical field name
 * (blank values left out; several dates or codes joined by {@code ;}), the aliases, already split, and the
 * documents JSON gives as objects (the CSV's documents column stays a value).
 */
record RawEntry(int row, int line, Map<String, String> values, List<String> aliases, List<RawDocument> documents) {
    RawEntry(int row, int line, Map<String, String> values, List<String> aliases) {
        this(row, line, values, aliases, List.of());
    }

    String get(String field) {
        return values.get(field);
    }
}
