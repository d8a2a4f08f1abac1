package org.ibex.displacement;

import java.time.LocalDate;

/** One round of an area's series of displaced individuals. */
public record TrendPoint(LocalDate reportingDate, int round, long displaced, String operation) {
}
