package org.ibex.border;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** Computes a person's authorised stay from their recorded movements; stateless and thread-safe. */
public final class StayCalculator {

    /**
     * Where the person stands on {@code asOf}. Movements may be in any order; those after
     * {@code asOf} are ignored. See {@link StayStatus} for what each field counts.
     */
    public StayStatus status(List<Movement> movements, StayRule rule, LocalDate asOf) {
        requireInputs(movements, rule, asOf, "asOf");
        StayTimeline timeline = StayTimeline.of(movements, asOf);
        StayLimit limit = StayLimit.of(rule);
        boolean exempt = rule.kind() == StayRule.Kind.EXEMPT;
        int daysUsed = limit.daysUsed(timeline, asOf);
        int entriesUsed = limit.entriesUsed(timeline.entries());
        if (!timeline.present()) {
            LocalDate lastIfEnteringNow = limit.lastAuthorisedDay(timeline.closedPresence(), asOf, timeline.entries());
            Integer daysLeft = lastIfEnteringNow == null ? null : Days.inclusive(asOf, lastIfEnteringNow);
            return new StayStatus(exempt, false, null, daysUsed, daysLeft, null, false, 0, entriesUsed,
                    timeline.anomalies());
        }
        LocalDate stayEndsOn = limit.lastAuthorisedDay(
                timeline.closedPresence(), timeline.currentEntry(), timeline.earlierEntries());
        Integer daysLeft = stayEndsOn == null ? null : Math.max(0, Days.between(asOf, stayEndsOn));
        int overstayDays = stayEndsOn == null ? 0 : Math.max(0, Days.between(stayEndsOn, asOf));
        return new StayStatus(exempt, true, timeline.currentEntry(), daysUsed, daysLeft, stayEndsOn,
                overstayDays > 0, overstayDays, entriesUsed, timeline.anomalies());
    }

    /**
     * Whether a new entry on {@code entryDate} is within the rule, given the movements recorded up to
     * that day (later ones are ignored). A person recorded as still present is treated as having left
     * the day before, as {@link #status} does for a missing exit.
     */
    public EntryCheck checkEntry(List<Movement> history, StayRule rule, LocalDate entryDate) {
        requireInputs(history, rule, entryDate, "entryDate");
        StayTimeline timeline = StayTimeline.withNewEntry(history, entryDate);
        return StayLimit.of(rule).checkEntry(timeline.closedPresence(), entryDate, timeline.earlierEntries());
    }

    private static void requireInputs(List<Movement> movements, StayRule rule, LocalDate day, String dayName) {
        Objects.requireNonNull(movements, "movements must not be null");
        Objects.requireNonNull(rule, "rule must not be null");
        Objects.requireNonNull(day, dayName + " must not be null");
    }
}
