package org.ibex.bench;

import org.ibex.access.Actor;
import org.ibex.analytics.FlowDimension;
import org.ibex.analytics.FlowQuery;
import org.ibex.analytics.FlowTable;
import org.ibex.analytics.Flows;
import org.ibex.analytics.RawFlows;
import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The analyst dashboard's questions, each asked two ways on the same database: of the roll-ups through
 * {@link Flows}, and as a GROUP BY over the crossing rows ({@link RawFlows#cells}, the baseline). Each answer is
 * reduced to the same sorted lines ("key|key=count"), so the two can be compared exactly.
 */
final class AnalyticsQueries {
    /** One dashboard question: its name and its two answers. */
    record Question(String name, Supplier<List<String>> rollup, Supplier<List<String>> raw) {
    }

    private final Database database;
    private final Flows flows;
    private final Actor analyst;
    private final RawFlows sql;
    private final LocalDate from;
    private final LocalDate to;

    /** Questions over the whole months {@code from}..{@code to}. */
    AnalyticsQueries(Database database, Flows flows, Actor analyst, LocalDate from, LocalDate to) {
        this.database = database;
        this.flows = flows;
        this.analyst = analyst;
        this.sql = new RawFlows(database.isPostgres());
        this.from = from;
        this.to = to;
    }

    List<Question> questions() {
        List<Question> q = new ArrayList<>();
        q.add(table("crossings by month, post", "local_month, post_id", FlowDimension.MONTH, FlowDimension.POST));
        q.add(table("crossings by nationality", "nationality", FlowDimension.NATIONALITY));
        q.add(table("crossings by sex, age band", "sex, age_band", FlowDimension.SEX, FlowDimension.AGE_BAND));
        q.add(table("crossings by purpose", "purpose", FlowDimension.PURPOSE));
        for (FlowDimension period : List.of(FlowDimension.DAY, FlowDimension.WEEK, FlowDimension.MONTH)) {
            q.add(new Question("net flow by " + period.wireName(), () -> flows.netFlow(period, from, to, null, analyst)
                    .stream().map(f -> f.period() + "=" + f.entries() + "/" + f.exits() + "/" + f.net()).toList(),
                    () -> rawNetFlow(period)));
        }
        q.add(new Question("top 10 corridors", () -> flows.corridors(from, to, 10, analyst).stream()
                .map(c -> c.nationality() + "|" + c.postId() + "=" + c.entries() + "/" + c.exits()).toList(),
                this::rawCorridors));
        q.add(new Question("posts (flow map)", () -> flows.posts(from, to, analyst).stream()
                .filter(p -> p.entries() + p.exits() > 0)
                .map(p -> p.postId() + "=" + p.entries() + "/" + p.exits()).toList(),
                () -> twoWay("post_id")));
        return q;
    }

    private Question table(String name, String columns, FlowDimension... by) {
        return new Question(name, () -> {
            FlowTable table = flows.crossings(new FlowQuery(List.of(by), from, to, Map.of()), analyst);
            return sorted(table.rows().stream().map(r -> String.join("|", r.keys()) + "=" + r.crossings()).toList());
        }, () -> sorted(group(columns).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[0]).toList()));
    }

    /** Counts by {@code columns} (and direction when {@code byDirection}) of the crossings in force in the period. */
    private Map<String, long[]> group(String columns) {
        return database.read(connection -> {
            Map<String, long[]> out = new TreeMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + columns + ", direction, COUNT(*)"
                    + " FROM (" + sql.cells() + ") f WHERE f.local_day >= ? AND f.local_day <= ?"
                    + " GROUP BY " + columns + ", direction")) {
                select.setObject(1, from);
                select.setObject(2, to);
                int n = columns.split(",").length;
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        List<String> keys = new ArrayList<>(n);
                        for (int i = 1; i <= n; i++) {
                            Object v = row.getObject(i);
                            keys.add(v instanceof java.sql.Date || v instanceof LocalDate
                                    ? row.getObject(i, LocalDate.class).toString().substring(0, 7) : String.valueOf(v));
                        }
                        long[] c = out.computeIfAbsent(String.join("|", keys), k -> new long[3]);
                        long count = row.getLong(n + 2);
                        c[0] += count;
                        c["ENTRY".equals(row.getString(n + 1)) ? 1 : 2] += count;
                    }
                }
            }
            return out;
        });
    }

    private List<String> twoWay(String columns) {
        return group(columns).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()[1] + "/" + e.getValue()[2])
                .toList();
    }

    private List<String> rawNetFlow(FlowDimension period) {
        Map<String, long[]> byPeriod = new TreeMap<>();
        String column = period == FlowDimension.MONTH ? "local_month" : "local_day";
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT " + column + ", direction, COUNT(*)"
                    + " FROM (" + sql.cells() + ") f WHERE f.local_day >= ? AND f.local_day <= ?"
                    + " GROUP BY " + column + ", direction")) {
                select.setObject(1, from);
                select.setObject(2, to);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        LocalDate day = row.getObject(1, LocalDate.class);
                        String key = switch (period) {
                            case DAY -> day.toString();
                            case WEEK -> String.format("%d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR),
                                    day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                            default -> day.toString().substring(0, 7);
                        };
                        byPeriod.computeIfAbsent(key, k -> new long[2])["ENTRY".equals(row.getString(2)) ? 0 : 1]
                                += row.getLong(3);
                    }
                }
            }
            return null;
        });
        List<String> out = new ArrayList<>();
        byPeriod.forEach((k, c) -> out.add(k + "=" + c[0] + "/" + c[1] + "/" + (c[0] - c[1])));
        return out;
    }

    private List<String> rawCorridors() {
        List<Map.Entry<String, long[]>> pairs = new ArrayList<>(group("nationality, post_id").entrySet());
        pairs.sort(Comparator.comparingLong((Map.Entry<String, long[]> e) -> -e.getValue()[0])
                .thenComparing(e -> e.getKey().split("\\|")[0]).thenComparing(e -> e.getKey().split("\\|")[1]));
        return pairs.stream().limit(10).map(e -> e.getKey() + "=" + e.getValue()[1] + "/" + e.getValue()[2]).toList();
    }

    private static List<String> sorted(List<String> lines) {
        List<String> out = new ArrayList<>(lines);
        out.sort(null);
        return out;
    }
}
