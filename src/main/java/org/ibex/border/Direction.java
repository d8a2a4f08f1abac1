package org.ibex.border;

import com.fasterxml.jackson.annotation.JsonCreator;

/** Which way a person crossed the border. */
public enum Direction {
    ENTRY,
    EXIT;

    /** The one reading of a direction, for the API, the CLI and imports alike: entry or exit, in any case. */
    @JsonCreator
    public static Direction parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        for (Direction direction : values()) {
            if (direction.name().equalsIgnoreCase(trimmed)) {
                return direction;
            }
        }
        throw InvalidInputException.of("direction", "enum", "direction must be ENTRY or EXIT (got '"
                + (text == null ? "" : text) + "')");
    }
}
