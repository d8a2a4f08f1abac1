package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/**
 * Schengen visa terms: presence only within the validity period, a capped number of entries within
 * it, and a "duration of stay" that is the total of days present within it across all entries.
 */
final class VisaLimit implements StayLimit {

    private final LocalDate validFrom;
    private final LocalDate validUntil;
    private final Integer entriesAllowed;
    private final int duration;

    VisaLimit(LocalDate validFrom, LocalDate validUntil, Integer entriesAllowed, int duration) {
        this.validFrom = validFrom;
        this.validUntil = validUntil;
        this.entriesAllowed = entriesAllowed;
        this.duration = duration;
    }

    /** How an entry on one day fares: a refusal, or the last day and what is left. */
    private record Assessment(String refusal, LocalDate lastDay, int entryNumber, int daysLeft) {
    }

    @Override
    public int daysUsed(StayTimeline timeline, LocalDate asOf) {
        LocalDate end = asOf.isBefore(validUntil) ? asOf : validUntil;
        return timeline.presenceUpTo(asOf).countIn(validFrom, end);
    }

    @Override
    public int entriesUsed(List<LocalDate> entries) {
        return (int) entries.stream().filter(this::valid).count();
    }

    @Override
    public LocalDate lastAuthorisedDay(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        return assess(before, entry, earlierEntries).lastDay();
    }

    @Override
    public EntryCheck checkEntry(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        Assessment assessment = assess(before, entry, earlierEntries);
        if (assessment.refusal() != null) {
            return new EntryCheck(false, assessment.refusal(), 0);
        }
        String reason = "visa " + validFrom + ".." + validUntil + ": entry " + assessment.entryNumber() + " of "
                + (entriesAllowed == null ? "multiple" : entriesAllowed) + ", " + assessment.daysLeft() + " of "
                + Days.count(duration, "day") + " left; stay authorised until " + assessment.lastDay();
        return new EntryCheck(true, reason, Days.inclusive(entry, assessment.lastDay()));
    }

    // An entry that is not authorised authorises no day of the stay it begins, so the whole stay
    // counts as overstay: the visa never covered this presence.
    private Assessment assess(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries) {
        LocalDate none = entry.minusDays(1);
        if (!valid(entry)) {
            return refused("visa not valid on " + entry + " (valid " + validFrom + ".." + validUntil + ")", none);
        }
        int entryNumber = entriesUsed(earlierEntries) + 1;
        if (entriesAllowed != null && entryNumber > entriesAllowed) {
            return refused("visa entries exhausted: " + entriesUsed(earlierEntries) + " of " + entriesAllowed
                    + (entriesAllowed == 1 ? " entry" : " entries") + " used", none);
        }
        int used = before.countIn(validFrom, none);
        int left = duration - used;
        if (left <= 0) {
            return refused("visa duration exhausted: " + used + " of " + Days.count(duration, "day")
                    + " used within validity", none);
        }
        LocalDate durationEnd = entry.plusDays(left - 1L);
        LocalDate lastDay = durationEnd.isBefore(validUntil) ? durationEnd : validUntil;
        return new Assessment(null, lastDay, entryNumber, left);
    }

    private static Assessment refused(String reason, LocalDate lastDay) {
        return new Assessment(reason, lastDay, 0, 0);
    }

    private boolean valid(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validUntil);
    }
}
