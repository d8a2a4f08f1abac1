package org.ibex.displacement;

import java.util.List;

/**
 * A DTM file that was not imported, with every problem found as {@code line N: field F: rule} (JSON:
 * {@code result[i]: field F: rule}); {@code tooLarge} when a size or row limit refused it.
 */
public final class DtmFileException extends RuntimeException {
    /** At most this many problems are kept; {@link #total()} says how many there were. */
    static final int KEPT = 200;
    private final List<String> problems;
    private final int total;
    private final boolean tooLarge;

    DtmFileException(List<String> problems, int total, boolean tooLarge) {
        super("nothing imported: " + total + " problem" + (total == 1 ? "" : "s") + (problems.isEmpty() ? ""
                : "; first: " + problems.get(0)));
        this.problems = List.copyOf(problems);
        this.total = total;
        this.tooLarge = tooLarge;
    }

    static DtmFileException one(String problem) {
        return new DtmFileException(List.of(problem), 1, false);
    }

    static DtmFileException limit(String problem) {
        return new DtmFileException(List.of(problem), 1, true);
    }

    public List<String> problems() {
        return problems;
    }

    public int total() {
        return total;
    }

    public boolean tooLarge() {
        return tooLarge;
    }
}
