package org.ibex.biometrics;

/**
 * How many candidates the index hands to SourceAFIS and on how many shards it searches; the geometry constants
 * beside it fix the layout of the index and are tuned with {@code ibex bench identify}.
 */
public record IndexParameters(int shortList, int shards) {
    /** Pairs closer than this (pixels at 500 dpi) have unstable angles: the line is too short to measure. */
    static final double MIN_DISTANCE = 12;
    /** Pairs further apart than this bend too much with skin distortion to hash reliably. */
    static final double MAX_DISTANCE = 132;
    /** Width of a distance bin in pixels; probes also look in the nearer neighbouring bin. */
    static final double DISTANCE_STEP = 8;
    /** Bins for each minutia's direction relative to the pair's line; a power of two. */
    static final int ANGLE_BINS = 64;
    /** Levels of the pair line's absolute direction kept in a posting (6 bits), for the rotation vote. */
    static final int LINE_LEVELS = 64;
    /** Rotation bins a finger's votes fall into (a power of two dividing LINE_LEVELS). */
    static final int ROTATION_BINS = 64;
    /** Pair score = votes^2 * SCALE / (DAMPING + the finger's pairs): integer resolution for the ranking. */
    static final int PAIR_SCORE_SCALE = 256;
    /** Keeps fingers with very few pairs from winning on a handful of chance votes. */
    static final int PAIR_SCORE_DAMPING = 16;
    /** Dead postings a shard tolerates, as a share of all, before it compacts and reuses the slots. */
    static final double COMPACT_DEAD_SHARE = 0.25;
    /** Distance bins, derived. */
    static final int DISTANCE_BINS = (int) Math.ceil((MAX_DISTANCE - MIN_DISTANCE) / DISTANCE_STEP);
    /** Hash keys, derived. */
    static final int KEYS = DISTANCE_BINS * ANGLE_BINS * ANGLE_BINS;

    public IndexParameters {
        if (shortList < 1) {
            throw new IllegalArgumentException("shortList must be at least 1, was " + shortList);
        }
        if (shards < 1 || shards > 32) {
            throw new IllegalArgumentException("shards must be 1 to 32, was " + shards);
        }
    }

    /** A short list of 150 rescored candidates, one shard per available core. */
    public static IndexParameters defaults() {
        return new IndexParameters(150, Math.min(32, Runtime.getRuntime().availableProcessors()));
    }

    /** The same, with another short-list length. */
    public IndexParameters withShortList(int length) {
        return new IndexParameters(length, shards);
    }
}
