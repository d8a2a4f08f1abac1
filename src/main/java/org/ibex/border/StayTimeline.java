package org.ibex.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A person's movements turned into stays: the finished stays, the open one (if any), the entries
 * that began stays, and notes on every gap in the record that had to be filled in.
 */
record StayTimeline(List<DayRange> closedStays, LocalDate currentEntry, List<LocalDate> entries,
        List<String> anomalies) {

    StayTimeline {
        closedStays = List.copyOf(closedStays);
        entries = List.copyOf(entries);
        anomalies = List.copyOf(anomalies);
    }

    /** The stays recorded up to and including {@code upTo}; later movements are ignored. */
    static StayTimeline of(List<Movement> movements, LocalDate upTo) {
        return replay(movements, upTo).build();
    }

    /** The stays recorded up to {@code entryDate}, followed by a new entry on that day. */
    static StayTimeline withNewEntry(List<Movement> history, LocalDate entryDate) {
        Builder builder = replay(history, entryDate);
        builder.arrive(entryDate);
        return builder.build();
    }

    boolean present() {
        return currentEntry != null;
    }

    PresenceDays closedPresence() {
        return PresenceDays.of(closedStays);
    }

    /** Every day present up to {@code asOf}, the open stay included. */
    PresenceDays presenceUpTo(LocalDate asOf) {
        PresenceDays closed = closedPresence();
        return present() ? closed.with(new DayRange(currentEntry, asOf)) : closed;
    }

    /** Days of the open stay up to {@code asOf}; 0 when absent. */
    int currentStayDays(LocalDate asOf) {
        return present() ? Days.inclusive(currentEntry, asOf) : 0;
    }

    /** Entries before the one that began the open stay; all entries when absent. */
    List<LocalDate> earlierEntries() {
        return present() ? entries.subList(0, entries.size() - 1) : entries;
    }

    private static Builder replay(List<Movement> movements, LocalDate upTo) {
        List<Movement> sorted = movements.stream()
                .filter(movement -> !movement.date().isAfter(upTo))
                .sorted(Comparator.comparing(Movement::date))
                .toList();
        Builder builder = new Builder();
        int i = 0;
        while (i < sorted.size()) {
            LocalDate day = sorted.get(i).date();
            int entries = 0;
            int exits = 0;
            for (; i < sorted.size() && sorted.get(i).date().equals(day); i++) {
                if (sorted.get(i).direction() == Direction.ENTRY) {
                    entries++;
                } else {
                    exits++;
                }
            }
            builder.day(day, entries, exits);
        }
        return builder;
    }

    /** Mutable scratch for one replay; never escapes {@link StayTimeline}. */
    private static final class Builder {
        private final List<DayRange> closed = new ArrayList<>();
        private final List<LocalDate> entries = new ArrayList<>();
        private final List<String> anomalies = new ArrayList<>();
        private LocalDate open;

        /**
         * Movements carry a day, not a time, so a day's order is inferred: a person already inside who
         * both leaves and enters that day left first (exit and re-entry); otherwise entries come before
         * exits (a same-day visit, counted as one day).
         */
        void day(LocalDate day, int entryCount, int exitCount) {
            while (entryCount > 0 || exitCount > 0) {
                if (open == null && entryCount > 0) {
                    arrive(day);
                    entryCount--;
                } else if (open == null) {
                    exitWithoutEntry(day);
                    exitCount--;
                } else if (exitCount > 0) {
                    leave(day);
                    exitCount--;
                } else if (open.isBefore(day)) {
                    arrive(day);
                    entryCount--;
                } else {
                    anomalies.add("duplicate entry " + day + ": counted once");
                    entryCount--;
                }
            }
        }

        void arrive(LocalDate day) {
            if (open != null && open.isBefore(day)) {
                missingExit(day);
            }
            if (open == null) {
                open = day;
                entries.add(day);
            }
        }

        // Conservative on purpose: with no exit recorded the person may never have left, and the next
        // entry proves only that they were out by the day before it. Counting them present until then
        // can overstate days used but never hides an overstay; the note lets an officer correct it.
        private void missingExit(LocalDate nextEntry) {
            LocalDate lastDay = nextEntry.minusDays(1);
            anomalies.add("missing exit between entry " + open + " and entry " + nextEntry
                    + ": counted as present until " + lastDay + " (worst case)");
            closed.add(new DayRange(open, lastDay));
            open = null;
        }

        // The exit day is the only day the record proves the person was here; any earlier start would
        // be a guess charged to the traveller, so we count that one day and flag the gap instead.
        private void exitWithoutEntry(LocalDate day) {
            anomalies.add("exit " + day + " without a recorded entry: counted as one day");
            closed.add(DayRange.day(day));
        }

        private void leave(LocalDate day) {
            closed.add(new DayRange(open, day));
            open = null;
        }

        StayTimeline build() {
            return new StayTimeline(closed, open, entries, anomalies);
        }
    }
}
