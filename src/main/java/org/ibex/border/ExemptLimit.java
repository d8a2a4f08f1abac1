package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/** No limit; days of the current stay are reported for information only. */
final class ExemptLimit implements StayLimit {

    @Override
    public int daysUsed(StayTimeline timeline, LocalDate asOf) {
        return timeline.currentStayDays(asOf);
    }

    @Override
    public LocalDate lastAuthorisedDay(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        return null;
    }

    @Override
    public EntryCheck checkEntry(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        return new EntryCheck(true, "exempt: no stay limit", EntryCheck.UNLIMITED);
    }
}
