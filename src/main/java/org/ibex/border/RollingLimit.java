package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/**
 * At most {@code days} days of stay in any {@code window} days, counted as the EU Entry/Exit System
 * does: the window is the day in question and the {@code window - 1} days before it, and entry and
 * exit days both count as days of stay.
 */
final class RollingLimit implements StayLimit {

    private final int days;
    private final int window;

    RollingLimit(int days, int window) {
        this.days = days;
        this.window = window;
    }

    @Override
    public int daysUsed(StayTimeline timeline, LocalDate asOf) {
        return countEnding(timeline.presenceUpTo(asOf), asOf);
    }

    /** Walks forward from the entry, assuming presence every day, until a window holds too many days. */
    @Override
    public LocalDate lastAuthorisedDay(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        if (days >= window) {
            return null; // a window of N days never holds more than N days of stay
        }
        LocalDate day = entry;
        int count = before.countIn(windowStart(entry), entry.minusDays(1)) + 1;
        // Ends within `window` steps: each step adds a day, and a step that also drops one uses up
        // one of the at most window - 1 earlier days.
        while (count <= days) {
            day = day.plusDays(1);
            LocalDate leaving = day.minusDays(window);
            boolean leftPresent = !leaving.isBefore(entry) || before.contains(leaving);
            count += leftPresent ? 0 : 1;
        }
        return day.minusDays(1);
    }

    @Override
    public EntryCheck checkEntry(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        String label = days + "/" + window;
        LocalDate last = lastAuthorisedDay(before, entry, earlierEntries);
        if (last == null) {
            return new EntryCheck(true, label + ": the window can never be exceeded", EntryCheck.UNLIMITED);
        }
        String used = Days.count(countEnding(before, entry), "day") + " used in the " + window
                + " days ending " + entry;
        int available = Days.inclusive(entry, last);
        if (available > 0) {
            return new EntryCheck(true, label + ": " + used + "; "
                    + Days.count(available, "day") + " available, until " + last, available);
        }
        return new EntryCheck(false, label + " exhausted: " + used + "; next day available "
                + nextAvailableDay(before, entry), 0);
    }

    private int countEnding(PresenceDays presence, LocalDate day) {
        return presence.countIn(windowStart(day), day);
    }

    private LocalDate windowStart(LocalDate day) {
        return day.minusDays(window - 1L);
    }

    // Only called when refused, so days < window; by the day `window` days after the refusal every
    // recorded day has left the window, which bounds the search.
    private LocalDate nextAvailableDay(PresenceDays before, LocalDate refused) {
        LocalDate day = refused.plusDays(1);
        while (before.countIn(windowStart(day), day.minusDays(1)) >= days) {
            day = day.plusDays(1);
        }
        return day;
    }
}
