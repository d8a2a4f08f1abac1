package org.ibex.border;

/** Which way a person crossed the border. */
public enum Direction {
    ENTRY,
    EXIT
}
