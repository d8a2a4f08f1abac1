package org.ibex.displacement;

import java.time.LocalDate;

/** Growth between two consecutive rounds of an area beyond the surge rule; {@code factor} is null from zero. */
public record Surge(String operation, String pcode, String name, LocalDate fromDate, int fromRound,
                    long fromDisplaced, LocalDate toDate, int toRound, long toDisplaced, Double factor, long jump) {
}
