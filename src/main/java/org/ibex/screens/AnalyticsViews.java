package org.ibex.screens;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** What the analyst dashboard shows, computed before rendering: the same rows feed the charts, tables and CSVs. */
public final class AnalyticsViews {
    private AnalyticsViews() {
    }

    /** The whole dashboard for one question. */
    public record Dashboard(DashboardQuery query, List<NetFlowLine> netFlow, Map<String, List<Bar>> breakdowns,
                            List<CorridorLine> corridors, List<PostMarker> posts, Displacement displacement,
                            List<Bar> stays) {
        public long entries() {
            return netFlow.stream().mapToLong(NetFlowLine::entries).sum();
        }

        public long exits() {
            return netFlow.stream().mapToLong(NetFlowLine::exits).sum();
        }
    }

    /** Crossings in one period: entries, exits and their difference. */
    public record NetFlowLine(String period, long entries, long exits, long net) {
    }

    /** One bar of a breakdown: the value of the dimension and its crossings. */
    public record Bar(String key, long crossings) {
    }

    /** One corridor: a nationality at a post, both directions. */
    public record CorridorLine(String nationality, String post, long entries, long exits) {
        public long total() {
            return entries + exits;
        }
    }

    /** One post on the flow map; latitude and longitude are null when the post has none recorded. */
    public record PostMarker(String post, String name, Double latitude, Double longitude, long entries, long exits) {
        public long total() {
            return entries + exits;
        }
    }

    /**
     * Displacement by admin area in the chosen boundary set, with the surge alerts; {@code available} is false when
     * no displacement data is imported (or this node has none to offer), and the page says so.
     */
    public record Displacement(boolean available, String set, List<AreaFigure> areas, List<Surge> surges) {
        static Displacement none(String set) {
            return new Displacement(false, set, List.of(), List.of());
        }
    }

    /** One area's latest displaced population; {@code inSet} says whether the boundary set draws it. */
    public record AreaFigure(String pcode, String name, long displaced, LocalDate reportingDate, Integer round,
                             boolean inSet) {
    }

    /** A surge between two rounds in one area. */
    public record Surge(String operation, String pcode, String name, LocalDate fromDate, long fromDisplaced,
                        LocalDate toDate, long toDisplaced, double factor, long jump) {
    }
}
