package org.ibex.border;

import java.time.LocalDate;
import java.util.List;

/** The arithmetic of one kind of stay rule: what it counts and how long a stay it authorises. */
interface StayLimit {

    static StayLimit of(StayRule rule) {
        return switch (rule.kind()) {
            case EXEMPT -> new ExemptLimit();
            case FIXED_PER_ENTRY -> new FixedLimit(rule.days());
            case ROLLING -> new RollingLimit(rule.days(), rule.windowDays());
            case VISA -> new VisaLimit(rule.validFrom(), rule.validUntil(), rule.entriesAllowed(), rule.days());
        };
    }

    /** Days of stay the rule counts on {@code asOf}. */
    int daysUsed(StayTimeline timeline, LocalDate asOf);

    /** Entries the rule counts; all of them unless the rule says otherwise. */
    default int entriesUsed(List<LocalDate> entries) {
        return entries.size();
    }

    /**
     * The last day a stay beginning on {@code entry} is authorised if the person stays on, given the
     * days present and the entries before it; the day before {@code entry} when the entry itself is not
     * authorised; null when the rule sets no limit.
     */
    LocalDate lastAuthorisedDay(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries);

    /** Whether an entry on {@code entry} is within the rule, with the reason an officer reads. */
    EntryCheck checkEntry(PresenceDays before, LocalDate entry, List<LocalDate> earlierEntries);
}
