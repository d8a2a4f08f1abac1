package org.ibex.displacement;

/**
 * When growth between consecutive rounds of an area is a surge: the figure more than {@code factor} times the
 * previous one, or more than {@code jump} people above it. Either is enough.
 */
public record SurgeRule(double factor, long jump) {
    /** x2 or +10,000 people. */
    public static final SurgeRule STANDARD = new SurgeRule(2.0, 10_000);

    public SurgeRule {
        if (!(factor > 1.0) || factor > 1_000_000 || Double.isNaN(factor)) {
            throw new IllegalArgumentException("factor must be above 1 and at most 1000000 (got " + factor + ")");
        }
        if (jump < 1) {
            throw new IllegalArgumentException("jump must be at least 1 (got " + jump + ")");
        }
    }

    /** Whether going from {@code from} to {@code to} people is a surge under this rule. */
    public boolean fires(long from, long to) {
        return to - from > jump || from > 0 && to > factor * from;
    }
}
