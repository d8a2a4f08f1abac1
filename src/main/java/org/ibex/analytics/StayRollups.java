package org.ibex.analytics;

import org.ibex.input.FieldRuleException;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a stays question from {@code stay_month} and the deltas not folded yet, in one statement (one snapshot,
 * as {@link FlowRollups} reads): never a crossing row. Stays are kept by month, so a question counts whole months.
 */
final class StayRollups {
    /** The dimensions a stays question may ask by, wire name to column. */
    static final Map<String, String> COLUMNS = Map.of("month", "local_month", "post", "post_id",
            "nationality", "nationality", "purpose", "purpose", "length", "length_band");

    /** Checks a question: known, distinct dimensions and a range of whole months, with errors naming the field. */
    static void check(LocalDate from, LocalDate to, List<String> by) {
        for (String d : by) {
            if (!COLUMNS.containsKey(d)) {
                throw new FieldRuleException("by", "enum", "stays are counted by month, post, nationality, purpose"
                        + " and length (got '" + d + "')");
            }
        }
        if (new HashSet<>(by).size() != by.size()) {
            throw new FieldRuleException("by", "unique", "by names a dimension twice: " + by);
        }
        if (from == null || to == null) {
            throw new FieldRuleException(from == null ? "from" : "to", "required", "from and to are required dates");
        }
        if (from.getDayOfMonth() != 1) {
            throw new FieldRuleException("from", "whole-months", "stays are counted by month: from must be the first"
                    + " day of a month (got " + from + ")");
        }
        if (to.getDayOfMonth() != to.lengthOfMonth()) {
            throw new FieldRuleException("to", "whole-months", "stays are counted by month: to must be the last day"
                    + " of a month (got " + to + ")");
        }
        if (to.isBefore(from)) {
            throw new FieldRuleException("to", "order", "to must not be before from (" + from + ")");
        }
    }

    /** Stays whose exit fell in [from, to], at {@code postId} only when not null. */
    StayTable answer(Connection connection, LocalDate from, LocalDate to, List<String> by, String postId)
            throws SQLException {
        List<String> columns = new ArrayList<>();
        by.forEach(d -> columns.add(COLUMNS.get(d)));
        String select = columns.isEmpty() ? "" : String.join(", ", columns) + ", ";
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + select + "SUM(stays) FROM (" + part("stay_month", from, to, postId, args)
                + " UNION ALL " + part("stay_delta", from, to, postId, args) + ") s"
                + (columns.isEmpty() ? "" : " GROUP BY " + String.join(", ", columns));
        Map<List<String>, Long> counts = new TreeMap<>(StayRollups::compare);
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            Sql.bindAll(statement, args.toArray());
            try (ResultSet row = statement.executeQuery()) {
                while (row.next()) {
                    long n = row.getLong(columns.size() + 1);
                    if (row.wasNull() || n == 0) {
                        continue;
                    }
                    List<String> key = new ArrayList<>(by.size());
                    for (int i = 0; i < by.size(); i++) {
                        key.add(by.get(i).equals("month") ? row.getObject(i + 1, LocalDate.class).toString()
                                .substring(0, 7) : row.getString(i + 1));
                    }
                    counts.merge(key, n, Long::sum);
                }
            }
        }
        List<StayTable.Row> rows = new ArrayList<>(counts.size());
        long total = 0;
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            rows.add(new StayTable.Row(e.getKey(), e.getValue()));
            total += e.getValue();
        }
        return new StayTable(by, rows, total);
    }

    private static String part(String table, LocalDate from, LocalDate to, String postId, List<Object> args) {
        args.add(from);
        args.add(to);
        if (postId != null) {
            args.add(postId);
        }
        return "SELECT local_month, post_id, nationality, purpose, length_band, stays FROM " + table
                + " WHERE local_month >= ? AND local_month <= ?" + (postId == null ? "" : " AND post_id = ?");
    }

    /** Keys in order, length bands from the shortest, the rest as text. */
    private static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            int c = StayCell.BANDS.contains(a.get(i)) && StayCell.BANDS.contains(b.get(i))
                    ? Integer.compare(StayCell.BANDS.indexOf(a.get(i)), StayCell.BANDS.indexOf(b.get(i)))
                    : a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
