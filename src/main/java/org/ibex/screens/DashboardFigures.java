package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.analytics.FlowDimension;
import org.ibex.analytics.FlowQuery;
import org.ibex.analytics.FlowTable;
import org.ibex.analytics.StayCell;
import org.ibex.analytics.StayTable;
import org.ibex.analytics.Flows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard's numbers, read from the border-flow roll-ups (never raw crossings) and scoped by the actor as the
 * flows API scopes them: a supervisor's own post, an analyst's whole node.
 */
final class DashboardFigures {
    /** The breakdowns drawn as bars, by their wire names. */
    static final List<String> BREAKDOWNS = List.of("nationality", "sex", "age-band", "purpose");
    private static final List<String> AGE_ORDER = List.of("0-4", "5-17", "18-59", "60+", "unknown");
    /** The busiest corridors listed. */
    static final int CORRIDORS = 10;
    private final Flows flows;
    private final DisplacementFigures displacement;

    DashboardFigures(Flows flows, DisplacementFigures displacement) {
        this.flows = flows;
        this.displacement = displacement;
    }

    AnalyticsViews.Dashboard read(DashboardQuery q, Actor actor, boolean withDisplacement) {
        List<AnalyticsViews.NetFlowLine> netFlow = new ArrayList<>();
        for (Flows.NetFlow n : flows.netFlow(dimension(q.period()), q.from(), q.to(), q.postOrNull(), actor)) {
            netFlow.add(new AnalyticsViews.NetFlowLine(n.period(), n.entries(), n.exits(), n.net()));
        }
        Map<String, List<AnalyticsViews.Bar>> breakdowns = new LinkedHashMap<>();
        for (String name : BREAKDOWNS) {
            breakdowns.put(name, breakdown(name, q, actor));
        }
        List<AnalyticsViews.CorridorLine> corridors = new ArrayList<>();
        for (Flows.Corridor c : flows.corridors(q.monthsFrom(), q.monthsTo(), CORRIDORS, actor)) {
            if (q.postOrNull() == null || q.post().equals(c.postId())) {
                corridors.add(new AnalyticsViews.CorridorLine(c.nationality(), c.postId(), c.entries(), c.exits()));
            }
        }
        List<AnalyticsViews.PostMarker> posts = new ArrayList<>();
        for (Flows.PostFlow p : flows.posts(q.from(), q.to(), actor)) {
            if (q.postOrNull() == null || q.post().equals(p.postId())) {
                posts.add(new AnalyticsViews.PostMarker(p.postId(), p.name(), p.latitude(), p.longitude(), p.entries(),
                        p.exits()));
            }
        }
        AnalyticsViews.Displacement displaced = withDisplacement ? displacement.read(q.set(), q.to(), actor)
                : AnalyticsViews.Displacement.none(q.set());
        return new AnalyticsViews.Dashboard(q, netFlow, breakdowns, corridors, posts, displaced, stays(q, actor));
    }

    /** Stays that ended in the whole months asked, by length band from the shortest (bar value: stays). */
    private List<AnalyticsViews.Bar> stays(DashboardQuery q, Actor actor) {
        Map<String, Long> bands = new LinkedHashMap<>();
        for (StayTable.Row row : flows.stays(q.monthsFrom(), q.monthsTo(), List.of("post", "length"), actor).rows()) {
            if (q.postOrNull() == null || q.post().equals(row.keys().get(0))) {
                bands.merge(row.keys().get(1), row.stays(), Long::sum);
            }
        }
        List<AnalyticsViews.Bar> bars = new ArrayList<>();
        for (String band : StayCell.BANDS) {
            if (bands.containsKey(band)) {
                bars.add(new AnalyticsViews.Bar(band, bands.get(band)));
            }
        }
        return bars;
    }

    private List<AnalyticsViews.Bar> breakdown(String name, DashboardQuery q, Actor actor) {
        Map<FlowDimension, String> where = new LinkedHashMap<>();
        if (q.postOrNull() != null) {
            where.put(FlowDimension.POST, q.post());
        }
        FlowTable table = flows.crossings(new FlowQuery(List.of(dimension(name)), q.monthsFrom(), q.monthsTo(), where), actor);
        List<AnalyticsViews.Bar> bars = new ArrayList<>();
        for (FlowTable.Row row : table.rows()) {
            bars.add(new AnalyticsViews.Bar(row.keys().get(0), row.crossings()));
        }
        // The largest first: a reader compares the bars, not the alphabet; age bands from the youngest.
        if ("age-band".equals(name)) {
            bars.sort(java.util.Comparator.comparingInt(b -> AGE_ORDER.indexOf(b.key()) < 0 ? AGE_ORDER.size()
                    : AGE_ORDER.indexOf(b.key())));
        } else {
            bars.sort((a, b) -> Long.compare(b.crossings(), a.crossings()));
        }
        return bars;
    }

    private static FlowDimension dimension(String wire) {
        return FlowDimension.parse("dimension", wire);
    }
}
