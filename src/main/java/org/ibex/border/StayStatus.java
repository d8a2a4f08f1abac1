package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/**
 * Where a person stands against their stay rule on a given day.
 *
 * <ul>
 *   <li>{@code present}: the person is in the country on that day; {@code currentEntry} is the entry
 *       that began the stay (null when absent).
 *   <li>{@code daysUsed}: days of stay counted by the rule: ROLLING in the window ending that day,
 *       VISA within the validity period, FIXED_PER_ENTRY and EXEMPT in the current stay.
 *   <li>{@code daysLeft}: for a present person the days after that day up to {@code stayEndsOn}; for
 *       an absent person the days they could stay if they entered that day; never negative; null
 *       when the rule sets no limit.
 *   <li>{@code stayEndsOn}: the last authorised day of the current stay if the person stays on; the
 *       day before {@code currentEntry} when the entry itself was not authorised; null when absent or
 *       unlimited.
 *   <li>{@code overstayer}/{@code overstayDays}: present after {@code stayEndsOn}, and by how many days.
 *   <li>{@code entriesUsed}: entries counted by the rule (VISA: within validity).
 *   <li>{@code anomalies}: gaps in the record and how they were counted, for an officer to review.
 * </ul>
 */
public record StayStatus(boolean exempt, boolean present, LocalDate currentEntry, int daysUsed, Integer daysLeft,
        LocalDate stayEndsOn, boolean overstayer, int overstayDays, int entriesUsed, List<String> anomalies) {

    public StayStatus {
        anomalies = List.copyOf(anomalies);
    }
}
