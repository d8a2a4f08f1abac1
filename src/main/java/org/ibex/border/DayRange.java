package org.ibex.border;

import java.time.LocalDate;

/** Consecutive calendar days, both ends included. */
record DayRange(LocalDate from, LocalDate to) {

    DayRange {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to must not be before from (" + from + " > " + to + ")");
        }
    }

    static DayRange day(LocalDate day) {
        return new DayRange(day, day);
    }
}
