package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/** Each entry allows the same number of days, the entry day being day 1; earlier stays do not matter. */
final class FixedLimit implements StayLimit {

    private final int days;

    FixedLimit(int days) {
        this.days = days;
    }

    @Override
    public int daysUsed(StayTimeline timeline, LocalDate asOf) {
        return timeline.currentStayDays(asOf);
    }

    @Override
    public LocalDate lastAuthorisedDay(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        return entry.plusDays(days - 1L);
    }

    @Override
    public EntryCheck checkEntry(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        String reason = Days.count(days, "day") + " per entry: stay authorised until "
                + lastAuthorisedDay(before, entry, earlierEntries);
        return new EntryCheck(true, reason, days);
    }
}
