package org.ibex.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import org.ibex.access.Role;
import org.ibex.analytics.FlowDimension;
import org.ibex.analytics.FlowExports;
import org.ibex.analytics.FlowMonitoring;
import org.ibex.analytics.FlowQuery;
import org.ibex.analytics.FlowQuestions;
import org.ibex.analytics.StayTable;
import org.ibex.analytics.FlowTable;
import org.ibex.analytics.Flows;
import org.ibex.border.Overstayer;
import org.ibex.disclosure.ProtectedTable;
import org.ibex.disclosure.TwoWayCsv;
import org.ibex.store.CsvWriter;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Border-flow statistics from the roll-ups, as JSON or CSV: crossings by any dimensions, net flow, corridors, posts
 * for the flow map, stay durations, and overstayers counted by nationality and stay rule. Analysts and administrators see the whole
 * state, a supervisor their own post.
 */
final class StatsRoutes {
    private static final Set<Role> READERS = Set.of(Role.ANALYST, Role.ADMIN, Role.SUPERVISOR);
    private final Services services;

    StatsRoutes(Services services) {
        this.services = services;
    }

    List<Endpoint> endpoints() {
        return List.of(
                Endpoint.of(HandlerType.GET, "/api/stats/crossings", READERS, this::crossings),
                Endpoint.of(HandlerType.GET, "/api/stats/net-flow", READERS, this::netFlow),
                Endpoint.of(HandlerType.GET, "/api/stats/corridors", READERS, this::corridors),
                Endpoint.of(HandlerType.GET, "/api/stats/posts", READERS, this::posts),
                Endpoint.of(HandlerType.GET, "/api/stats/stays", READERS, this::stays),
                Endpoint.of(HandlerType.GET, "/api/stats/flow-monitoring", READERS, this::flowMonitoring),
                Endpoint.of(HandlerType.GET, "/api/stats/overstays", Set.of(Role.ANALYST, Role.SUPERVISOR),
                        this::overstays));
    }

    private void crossings(Context ctx) {
        FlowQuery query = StatsQuery.read(ctx, services.stays().today());
        if (StatsQuery.disclosureControl(ctx)) {
            protectedCrossings(ctx, query);
            return;
        }
        FlowTable table = services.flows().crossings(query, Requests.actor(ctx));
        List<String> header = table.header();
        List<Map<String, Object>> rows = table.namedRows();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("by", header.subList(0, header.size() - 1));
        body.put("from", query.from().toString());
        body.put("to", query.to().toString());
        body.put("rows", rows);
        body.put("total", table.total());
        answer(ctx, "crossings", header, rows, body);
    }

    /** The two-way table as it may leave the node: small cells and their complements suppressed (null / empty). */
    private void protectedCrossings(Context ctx, FlowQuery query) {
        int threshold = StatsQuery.whole(ctx, "threshold", FlowExports.DEFAULT_THRESHOLD);
        int rounding = StatsQuery.whole(ctx, "rounding", 0);
        ProtectedTable table = new FlowExports(services.flows(), services.accessLog()).crossings(query, threshold,
                rounding, Requests.actor(ctx));
        if (StatsQuery.csv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"crossings-" + table.rowDimension() + "-"
                    + table.columnDimension() + ".csv\"");
            ctx.result(TwoWayCsv.write(table).getBytes(StandardCharsets.UTF_8));
            return;
        }
        ctx.json(ordered("by", List.of(table.rowDimension(), table.columnDimension()), "from", query.from().toString(),
                "to", query.to().toString(), "rows", table.rowLabels(), "columns", table.columnLabels(),
                "cells", table.cells(), "rowTotals", table.rowTotals(), "columnTotals", table.columnTotals(),
                "total", table.total(), "suppressed", table.suppressed(), "threshold", table.threshold(),
                "rounding", table.roundingBase()));
    }

    private void netFlow(Context ctx) {
        LocalDate[] range = StatsQuery.range(ctx, services.stays().today());
        FlowDimension period = FlowDimension.parse("period", ctx.queryParamAsClass("period", String.class)
                .getOrDefault("month"));
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Flows.NetFlow flow : services.flows().netFlow(period, range[0], range[1], StatsQuery.post(ctx),
                Requests.actor(ctx))) {
            rows.add(ordered("period", flow.period(), "entries", flow.entries(), "exits", flow.exits(), "net",
                    flow.net()));
        }
        answer(ctx, "net-flow", List.of("period", "entries", "exits", "net"), rows, Map.of("rows", rows));
    }

    private void corridors(Context ctx) {
        LocalDate[] range = StatsQuery.range(ctx, services.stays().today());
        int limit = ctx.queryParam("limit") == null ? 10 : Requests.limit(ctx);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Flows.Corridor c : services.flows().corridors(range[0], range[1], limit, Requests.actor(ctx))) {
            rows.add(ordered("nationality", c.nationality(), "post", c.postId(), "entries", c.entries(), "exits",
                    c.exits()));
        }
        answer(ctx, "corridors", List.of("nationality", "post", "entries", "exits"), rows, Map.of("rows", rows));
    }

    private void posts(Context ctx) {
        LocalDate[] range = StatsQuery.range(ctx, services.stays().today());
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Flows.PostFlow p : services.flows().posts(range[0], range[1], Requests.actor(ctx))) {
            rows.add(ordered("post", p.postId(), "name", p.name(), "latitude", p.latitude(), "longitude",
                    p.longitude(), "entries", p.entries(), "exits", p.exits()));
        }
        answer(ctx, "posts", List.of("post", "name", "latitude", "longitude", "entries", "exits"), rows,
                Map.of("rows", rows));
    }

    /** Stays counted by length band, nationality, purpose, month or exit post, for whole months of exits. */
    private void stays(Context ctx) {
        LocalDate[] range = StatsQuery.range(ctx, services.stays().today());
        StayTable table = services.flows().stays(range[0], range[1], FlowQuestions.stayBy(ctx.queryParam("by")),
                Requests.actor(ctx));
        List<Map<String, Object>> rows = table.namedRows();
        answer(ctx, "stays", table.header(), rows, ordered("by", table.by(), "from", range[0].toString(), "to",
                range[1].toString(), "rows", rows, "total", table.total()));
    }

    /** DTM-style flow-monitoring indicators under disclosure control, JSON or DTM's CSV layout. */
    private void flowMonitoring(Context ctx) {
        LocalDate[] range = StatsQuery.range(ctx, services.stays().today());
        List<FlowMonitoring.Indicator> indicators = new FlowMonitoring(services.flows(), services.database(),
                services.accessLog()).indicators(range[0], range[1], StatsQuery.text(ctx, "admin0", 3),
                StatsQuery.text(ctx, "admin0Name", 200), StatsQuery.whole(ctx, "threshold",
                        FlowExports.DEFAULT_THRESHOLD), Requests.actor(ctx));
        if (StatsQuery.csv(ctx)) {
            ctx.contentType("text/csv; charset=utf-8");
            ctx.header("Content-Disposition", "attachment; filename=\"flow-monitoring-" + range[0] + "-" + range[1]
                    + ".csv\"");
            ctx.result(FlowMonitoring.csv(indicators).getBytes(StandardCharsets.UTF_8));
        } else {
            ctx.json(ordered("operation", FlowMonitoring.OPERATION, "rows", indicators));
        }
    }

    /** Overstayers on a day, counted by nationality and the stay rule they broke (which names the permit type). */
    private void overstays(Context ctx) {
        LocalDate asOf = Requests.date(ctx, "asOf", services.stays().today());
        Map<List<String>, Long> counts = new TreeMap<>(java.util.Comparator.comparing(
                (List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
        for (Overstayer o : services.stays().overstayers(asOf, Requests.actor(ctx), 0, Integer.MAX_VALUE - 1)
                .items()) {
            counts.merge(List.of(o.person().nationality(), o.rule()), 1L, Long::sum);
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        counts.forEach((key, n) -> rows.add(ordered("nationality", key.get(0), "rule", key.get(1), "overstayers",
                n)));
        answer(ctx, "overstays-" + asOf, List.of("nationality", "rule", "overstayers"), rows,
                ordered("asOf", asOf.toString(), "rows", rows));
    }

    private static void answer(Context ctx, String name, List<String> header, List<Map<String, Object>> rows,
                               Map<String, Object> json) {
        if (!StatsQuery.csv(ctx)) {
            ctx.json(json);
            return;
        }
        CsvWriter csv = new CsvWriter().row(header);
        for (Map<String, Object> row : rows) {
            csv.row(new ArrayList<>(row.values()));
        }
        ctx.contentType("text/csv; charset=utf-8");
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"");
        ctx.result(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> ordered(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
