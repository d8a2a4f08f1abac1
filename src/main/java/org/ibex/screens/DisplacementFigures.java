package org.ibex.screens;

import org.ibex.boundaries.Area;
import org.ibex.boundaries.Boundaries;

import java.time.LocalDate;
import java.util.List;

/**
 * Displacement by admin area for the choropleth, joined on p-code with a boundary set's areas, and the surge alerts.
 * Until this node holds displacement data the dashboard says "no displacement data imported".
 */
final class DisplacementFigures {
    private final Boundaries boundaries;

    DisplacementFigures(Boundaries boundaries) {
        this.boundaries = boundaries;
    }

    AnalyticsViews.Displacement read(String set, LocalDate asOf) {
        List<Area> areas = boundaries.areas(set).orElse(List.of());
        return AnalyticsViews.Displacement.none(set);
    }
}
