package org.ibex.screens;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.access.Role;
import org.ibex.boundaries.Boundaries;
import org.ibex.boundaries.BoundarySet;
import org.ibex.border.Post;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The analyst dashboard: crossings over time, breakdowns, the busiest corridors, a flow map of the posts and a
 * choropleth of displacement by admin area, each chart with its numbers as a table (for readers without the chart)
 * and as CSV, and as PNG from the browser. The figures are drawn from the roll-ups in the page itself and, for the
 * maps, boundaries served by the node: no tiles, no request beyond it. Supervisors see their own post's flows.
 */
public final class AnalyticsScreens implements ScreenArea {
    static final String DASHBOARD = "/analyst/dashboard";
    static final String CSV = DASHBOARD + "/csv/";
    static final String BOUNDARIES = DASHBOARD + "/boundaries/";
    private static final Set<Role> READERS = Set.of(Role.ANALYST, Role.SUPERVISOR);
    /** Spreadsheet apps read a CSV as UTF-8 only when it starts with a byte order mark; area names need it. */
    private static final String BOM = "\uFEFF";
    private final Sources sources;
    private final DashboardFigures figures;
    private final ObjectMapper json = new ObjectMapper();

    AnalyticsScreens(Sources sources, DashboardFigures figures) {
        this.sources = sources;
        this.figures = figures;
    }

    /** What the screens need of the node: posts for the filter, boundaries for the maps, today for the defaults. */
    record Sources(org.ibex.border.PostRepository posts, Boundaries boundaries, java.util.function.Supplier<java.time.LocalDate> today) {
    }

    @Override
    public void routes(ScreenRoutes routes) {
        routes.get(DASHBOARD, READERS, this::dashboard);
        routes.get(CSV + "{chart}", READERS, this::csv);
        routes.get(BOUNDARIES + "{name}", READERS, this::boundaries);
    }

    private void dashboard(ScreenRequest r) {
        Map<String, String> posts = postOptions(r);
        Map<String, String> sets = setOptions();
        DashboardQuery query = query(r, posts, sets);
        AnalyticsViews.Dashboard dashboard = null;
        String data = null;
        if (query.valid()) {
            dashboard = figures.read(query, r.actor(), displacementShown(r));
            data = data(r, dashboard);
        } else {
            r.ctx().status(400);
        }
        r.render("analytics/dashboard.jte", r.page(r.t("analytics.title"), query.form()), "query", query,
                "dashboard", dashboard, "posts", posts, "sets", sets, "data", data,
                "displacementShown", displacementShown(r));
    }

    private void csv(ScreenRequest r) {
        String chart = r.ctx().pathParam("chart");
        if (!DashboardCsv.CHARTS.contains(chart)) {
            r.ctx().status(404).contentType("text/plain; charset=utf-8").result("no chart named " + chart);
            return;
        }
        DashboardQuery query = query(r, postOptions(r), setOptions());
        query.requireValid();
        AnalyticsViews.Dashboard dashboard = figures.read(query, r.actor(), displacementShown(r));
        String csv = DashboardCsv.write(chart, dashboard).orElseThrow();
        r.ctx().contentType("text/csv; charset=utf-8");
        r.ctx().header("Content-Disposition", "attachment; filename=\"" + chart + "-" + query.from() + "-"
                + query.to() + ".csv\"");
        r.ctx().header("Cache-Control", "no-store");
        r.ctx().result((BOM + csv).getBytes(StandardCharsets.UTF_8));
    }

    private void boundaries(ScreenRequest r) {
        String name = r.ctx().pathParam("name");
        byte[] geoJson = sources.boundaries().geoJson(name).orElse(null);
        if (geoJson == null) {
            r.ctx().status(404).contentType("application/json").result("{\"error\":\"not-found\"}");
            return;
        }
        r.ctx().contentType("application/geo+json");
        r.ctx().header("Cache-Control", "private, max-age=300");
        r.ctx().result(geoJson);
    }

    private DashboardQuery query(ScreenRequest r, Map<String, String> posts, Map<String, String> sets) {
        return DashboardQuery.read(r, posts.keySet(), sets.keySet(), Boundaries.UTOPIA, sources.today().get());
    }

    /** Displacement is the state's picture, not a post's: analysts see it, supervisors their post's flows only. */
    private static boolean displacementShown(ScreenRequest r) {
        return r.user().role() == Role.ANALYST;
    }

    /** The posts the filter offers, "all" first for analysts; a supervisor's own post only. */
    private Map<String, String> postOptions(ScreenRequest r) {
        Map<String, String> options = new LinkedHashMap<>();
        boolean supervisor = r.user().role() == Role.SUPERVISOR;
        if (!supervisor) {
            options.put("", r.t("analytics.filter.allPosts"));
        }
        for (Post post : sources.posts().all()) {
            if (!supervisor || post.id().equals(r.user().postId())) {
                options.put(post.id(), post.id() + " – " + post.name());
            }
        }
        return options;
    }

    private Map<String, String> setOptions() {
        Map<String, String> options = new LinkedHashMap<>();
        for (BoundarySet set : sources.boundaries().list()) {
            options.put(set.name(), set.name());
        }
        return options;
    }

    /** The figures and texts the page's script draws, as one JSON attribute: the same rows the tables show. */
    private String data(ScreenRequest r, AnalyticsViews.Dashboard d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("netFlow", d.netFlow());
        out.put("breakdowns", d.breakdowns());
        out.put("stays", d.stays());
        out.put("corridors", d.corridors());
        out.put("posts", d.posts());
        out.put("flowMap", BOUNDARIES + Boundaries.UTOPIA);
        AnalyticsViews.Displacement displacement = d.displacement();
        Map<String, Object> displaced = new LinkedHashMap<>();
        displaced.put("available", displacement.available());
        displaced.put("boundaries", BOUNDARIES + displacement.set());
        displaced.put("areas", displacement.areas().stream().map(a -> List.of(a.pcode(), a.name(), a.displaced()))
                .toList());
        out.put("displacement", displaced);
        Map<String, String> labels = new LinkedHashMap<>();
        for (String key : List.of("entries", "exits", "net", "crossings", "stays", "displaced", "noData", "noDisplacement",
                "downloadPng", "mapNoPosts")) {
            labels.put(key, r.t("analytics.chart." + key));
        }
        out.put("labels", labels);
        out.put("locale", r.texts().lang().locale().toLanguageTag());
        try {
            return json.writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
