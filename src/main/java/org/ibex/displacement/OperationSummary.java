package org.ibex.displacement;

import java.time.LocalDate;

/** A DTM operation held at the node: its country, how many rounds and areas, and the dates it covers. */
public record OperationSummary(String operation, String admin0, String admin0Pcode, int rounds, int areas,
                               LocalDate from, LocalDate to) {
}
