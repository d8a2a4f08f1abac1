package org.ibex.watchlist;

import java.util.List;
import java.util.Map;

/**
 * One row of our own CSV or one object of our JSON before it is checked: field values by canonical field name
 * (blank values left out) and the aliases, already split.
 */
record RawEntry(int row, int line, Map<String, String> values, List<String> aliases) {
    String get(String field) {
        return values.get(field);
    }
}
