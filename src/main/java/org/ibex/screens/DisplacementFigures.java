package org.ibex.screens;

import org.ibex.access.Actor;
import org.ibex.boundaries.Area;
import org.ibex.boundaries.Boundaries;
import org.ibex.displacement.AreaFigure;
import org.ibex.displacement.Displacement;
import org.ibex.displacement.Surge;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Displacement by admin1 area for the choropleth, joined on p-code with a boundary set's areas, and the surge alerts
 * (IOM DTM figures, as {@code /api/displacement/areas} and {@code /surges} give them). Where several operations
 * report an area, the most recent figure stands for it. Without any figure the dashboard says "no displacement data
 * imported".
 */
final class DisplacementFigures {
    /** Admin1: the level the shipped outline and the imported state boundaries draw. */
    private static final int LEVEL = 1;
    private final Boundaries boundaries;
    private final Displacement displacement;

    DisplacementFigures(Boundaries boundaries, Displacement displacement) {
        this.boundaries = boundaries;
        this.displacement = displacement;
    }

    AnalyticsViews.Displacement read(String set, LocalDate asOf, Actor actor) {
        Set<String> drawn = boundaries.areas(set).orElse(List.of()).stream().map(Area::pcode)
                .collect(Collectors.toSet());
        Map<String, AreaFigure> latest = new LinkedHashMap<>();
        for (AreaFigure figure : displacement.areas(null, LEVEL, asOf, actor)) {
            AreaFigure known = latest.get(figure.pcode());
            if (known == null || figure.reportingDate().isAfter(known.reportingDate())) {
                latest.put(figure.pcode(), figure);
            }
        }
        if (latest.isEmpty()) {
            return AnalyticsViews.Displacement.none(set);
        }
        List<AnalyticsViews.AreaFigure> areas = new ArrayList<>();
        for (AreaFigure f : latest.values()) {
            areas.add(new AnalyticsViews.AreaFigure(f.pcode(), f.name(), f.displaced(), f.reportingDate(), f.round(),
                    drawn.contains(f.pcode())));
        }
        // The areas the map draws first, each group largest first.
        areas.sort((a, b) -> a.inSet() != b.inSet() ? (a.inSet() ? -1 : 1) : Long.compare(b.displaced(), a.displaced()));
        List<AnalyticsViews.Surge> surges = new ArrayList<>();
        for (Surge s : displacement.surges(null, null, actor)) {
            surges.add(new AnalyticsViews.Surge(s.operation(), s.pcode(), s.name(), s.fromDate(), s.fromDisplaced(),
                    s.toDate(), s.toDisplaced(), s.factor() == null ? Double.NaN : s.factor(), s.jump()));
        }
        return new AnalyticsViews.Displacement(true, set, areas, surges);
    }
}
