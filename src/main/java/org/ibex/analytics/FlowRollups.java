package org.ibex.analytics;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Answers a {@link FlowQuery} from the roll-ups and the deltas not folded yet: the day roll-up when the question
 * needs post and direction only, the month roll-up otherwise. Never reads a crossing row.
 */
final class FlowRollups {
    private static final Map<FlowDimension, String> COLUMNS = new EnumMap<>(Map.of(
            FlowDimension.POST, "post_id", FlowDimension.DIRECTION, "direction",
            FlowDimension.NATIONALITY, "nationality", FlowDimension.SEX, "sex",
            FlowDimension.AGE_BAND, "age_band", FlowDimension.PURPOSE, "purpose"));
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
        for (int i = 0; i < a.size(); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    };

    FlowTable answer(Connection connection, FlowQuery query) throws SQLException {
        boolean monthly = query.monthly();
        Map<List<String>, Long> counts = new TreeMap<>(KEY_ORDER);
        read(connection, query, monthly ? "flow_month" : "flow_day", monthly ? "local_month" : "local_day", counts);
        read(connection, query, "flow_delta", "local_day", counts);
        List<FlowTable.Row> rows = new ArrayList<>(counts.size());
        long total = 0;
        for (Map.Entry<List<String>, Long> e : counts.entrySet()) {
            if (e.getValue() != 0) {
                rows.add(new FlowTable.Row(e.getKey(), e.getValue()));
                total += e.getValue();
            }
        }
        return new FlowTable(query.by(), rows, total);
    }

    private static void read(Connection connection, FlowQuery query, String table, String periodColumn,
                             Map<List<String>, Long> counts) throws SQLException {
        boolean byPeriod = query.by().stream().anyMatch(FlowDimension::period);
        List<String> groups = new ArrayList<>();
        if (byPeriod) {
            groups.add(periodColumn);
        }
        for (FlowDimension d : query.by()) {
            if (!d.period()) {
                groups.add(COLUMNS.get(d));
            }
        }
        StringBuilder sql = new StringBuilder("SELECT ");
        for (String g : groups) {
            sql.append(g).append(", ");
        }
        sql.append("SUM(crossings) FROM ").append(table).append(" WHERE ").append(periodColumn)
                .append(" >= ? AND ").append(periodColumn).append(" <= ?");
        List<Object> args = new ArrayList<>(List.of(query.from(), query.to()));
        for (Map.Entry<FlowDimension, String> filter : query.where().entrySet()) {
            sql.append(" AND ").append(COLUMNS.get(filter.getKey())).append(" = ?");
            args.add(filter.getValue());
        }
        if (!groups.isEmpty()) {
            sql.append(" GROUP BY ").append(String.join(", ", groups));
        }
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    long n = row.getLong(groups.size() + 1);
                    if (row.wasNull()) {
                        continue;
                    }
                    List<String> key = new ArrayList<>(query.by().size());
                    int column = byPeriod ? 2 : 1;
                    for (FlowDimension d : query.by()) {
                        key.add(d.period() ? periodKey(d, row.getObject(1, LocalDate.class))
                                : row.getString(column++));
                    }
                    counts.merge(key, n, Long::sum);
                }
            }
        }
    }

    /** A day's key for the period asked: the day, its ISO week ({@code 2026-W05}) or its month ({@code 2026-01}). */
    static String periodKey(FlowDimension period, LocalDate day) {
        return switch (period) {
            case DAY -> day.toString();
            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> day.format(MONTH);
            default -> throw new IllegalArgumentException(period + " is not a period");
        };
    }
}
