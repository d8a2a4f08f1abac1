package org.ibex.border;

/** One check run during an inspection and what it found. */
public record Check(String name, Outcome outcome, String detail) {
    /** What a check concluded. */
    public enum Outcome { PASS, WARN, FAIL, SKIPPED }
}
