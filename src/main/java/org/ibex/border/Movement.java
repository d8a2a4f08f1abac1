package org.ibex.border;

import java.time.LocalDate;
import java.util.Objects;

/** One recorded border crossing of a person: its direction and the calendar day it happened. */
public record Movement(Direction direction, LocalDate date) {

    public Movement {
        Objects.requireNonNull(direction, "direction must not be null");
        Objects.requireNonNull(date, "date must not be null");
    }

    /** An entry on the given day. */
    public static Movement entry(LocalDate date) {
        return new Movement(Direction.ENTRY, date);
    }

    /** An exit on the given day. */
    public static Movement exit(LocalDate date) {
        return new Movement(Direction.EXIT, date);
    }
}
