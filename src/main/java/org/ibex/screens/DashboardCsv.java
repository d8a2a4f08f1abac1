package org.ibex.screens;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each dashboard chart's numbers as CSV, a header row first: the same rows the chart and its table show. Text cells
 * that a spreadsheet would run as a formula are defused; numbers are written as numbers (a net flow may be negative).
 */
final class DashboardCsv {
    /** The charts that export, by the name their links carry. */
    static final List<String> CHARTS = List.of("net-flow", "nationality", "sex", "age-band", "purpose", "stays", "corridors",
            "posts", "displacement", "surges");

    private DashboardCsv() {
    }

    /** The CSV of one chart, or empty for a name no chart has. */
    static Optional<String> write(String chart, AnalyticsViews.Dashboard d) {
        List<List<?>> rows = new ArrayList<>();
        switch (chart) {
            case "net-flow" -> {
                rows.add(List.of("period", "entries", "exits", "net"));
                d.netFlow().forEach(n -> rows.add(List.of(n.period(), n.entries(), n.exits(), n.net())));
            }
            case "corridors" -> {
                rows.add(List.of("nationality", "post", "entries", "exits"));
                d.corridors().forEach(c -> rows.add(List.of(c.nationality(), c.post(), c.entries(), c.exits())));
            }
            case "posts" -> {
                rows.add(List.of("post", "name", "latitude", "longitude", "entries", "exits"));
                d.posts().forEach(p -> rows.add(Arrays.asList(p.post(), p.name(), p.latitude(), p.longitude(),
                        p.entries(), p.exits())));
            }
            case "displacement" -> {
                rows.add(List.of("pcode", "name", "displaced", "reportingDate", "round"));
                d.displacement().areas().forEach(a -> rows.add(Arrays.asList(a.pcode(), a.name(), a.displaced(),
                        a.reportingDate(), a.round())));
            }
            case "surges" -> {
                rows.add(List.of("operation", "pcode", "name", "fromDate", "fromDisplaced", "toDate", "toDisplaced",
                        "factor", "jump"));
                d.displacement().surges().forEach(s -> rows.add(List.of(s.operation(), s.pcode(), s.name(),
                        s.fromDate(), s.fromDisplaced(), s.toDate(), s.toDisplaced(), s.factor(), s.jump())));
            }
            case "stays" -> {
                rows.add(List.of("length", "stays"));
                d.stays().forEach(b -> rows.add(List.of(b.key(), b.crossings())));
            }
            default -> {
                Map<String, List<AnalyticsViews.Bar>> bars = d.breakdowns();
                if (!bars.containsKey(chart)) {
                    return Optional.empty();
                }
                rows.add(List.of(chart, "crossings"));
                bars.get(chart).forEach(b -> rows.add(List.of(b.key(), b.crossings())));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<?> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                out.append(i == 0 ? "" : ",").append(cell(row.get(i)));
            }
            out.append("\r\n");
        }
        return Optional.of(out.toString());
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value.toString();
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
