package org.ibex.displacement;

import java.time.LocalDate;

/** The latest figure of an area (for the choropleth). */
public record AreaFigure(String pcode, String name, int level, long displaced, LocalDate reportingDate, int round,
                         String operation) {
}
