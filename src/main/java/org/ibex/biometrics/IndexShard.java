package org.ibex.biometrics;

import static org.ibex.biometrics.IndexParameters.COMPACT_DEAD_SHARE;
import static org.ibex.biometrics.IndexParameters.KEYS;
import static org.ibex.biometrics.IndexParameters.LINE_LEVELS;
import static org.ibex.biometrics.IndexParameters.PAIR_SCORE_DAMPING;
import static org.ibex.biometrics.IndexParameters.PAIR_SCORE_SCALE;
import static org.ibex.biometrics.IndexParameters.ROTATION_BINS;

import com.machinezoo.sourceafis.FingerprintTemplate;

import java.util.Arrays;

/**
 * One part of the gallery: an inverted index from pair hash to postings (slot and line level packed in an int)
 * and the fingers it holds. Not thread-safe: {@link FingerprintIndex} guards it; searches only read it.
 */
final class IndexShard {
    private static final int LINE_BITS = Integer.numberOfTrailingZeros(LINE_LEVELS);
    private static final int ROTATION_BITS = Integer.numberOfTrailingZeros(ROTATION_BINS);
    private static final int ROTATION_SHIFT = LINE_BITS - ROTATION_BITS;
    private static final int MAX_SLOTS = 1 << (31 - LINE_BITS);
    private static final byte FREE = 0;
    private static final byte LIVE = 1;
    /** Removed, but its postings are still in the lists until the next compaction. */
    private static final byte DEAD = 2;

    private final int[][] lists = new int[KEYS][];
    private final int[] sizes = new int[KEYS];
    private final ThreadLocal<char[]> votes = ThreadLocal.withInitial(() -> new char[0]);
    private long[] ids = new long[1024];
    private byte[] positions = new byte[1024];
    private byte[] states = new byte[1024];
    private int[] postingCounts = new int[1024];
    private FingerprintTemplate[] templates = new FingerprintTemplate[1024];
    private int[] free = new int[16];
    private int freeCount;
    private int slots;
    private long postings;
    private long deadPostings;
    private int live;

    int add(long id, int position, FingerprintTemplate template, MinutiaPairHasher.Pairs pairs) {
        int slot = freeCount > 0 ? free[--freeCount] : newSlot();
        ids[slot] = id;
        positions[slot] = (byte) position;
        states[slot] = LIVE;
        templates[slot] = template;
        postingCounts[slot] = pairs.count();
        for (int k = 0; k < pairs.count(); k++) {
            int key = pairs.keys()[k];
            int[] list = lists[key];
            if (list == null) {
                list = lists[key] = new int[8];
            } else if (sizes[key] == list.length) {
                list = lists[key] = Arrays.copyOf(list, list.length + (list.length >> 1));
            }
            list[sizes[key]++] = (slot << LINE_BITS) | pairs.lines()[k];
        }
        postings += pairs.count();
        live++;
        return slot;
    }

    void remove(int slot) {
        if (states[slot] != LIVE) {
            return;
        }
        states[slot] = DEAD;
        templates[slot] = null;
        deadPostings += postingCounts[slot];
        live--;
        if (deadPostings > COMPACT_DEAD_SHARE * postings) {
            compact();
        }
    }

    /**
     * Counts, for every finger, the probe's pair hashes that agree with its own at one rotation (bins of
     * 360/ROTATION_BINS degrees, each added to its neighbour so a rotation on a bin edge is not split), and
     * offers each live finger's best rotation, normalised by its own number of pairs, to {@code top}.
     */
    void vote(MinutiaPairHasher.Pairs probe, TopVotes top) {
        // 16-bit counters keep the scratch small; one finger's bin cannot collect 65536 votes from one probe.
        int cells = slots << ROTATION_BITS;
        char[] counts = votes.get();
        if (counts.length < cells) {
            counts = new char[cells + (cells >> 3)];
            votes.set(counts);
        } else {
            Arrays.fill(counts, 0, cells, (char) 0);
        }
        int[] keys = probe.keys();
        byte[] lines = probe.lines();
        for (int k = 0, n = probe.count(); k < n; k++) {
            int key = keys[k];
            int[] list = lists[key];
            int size = sizes[key];
            int line = lines[k];
            for (int p = 0; p < size; p++) {
                int posting = list[p];
                int rotation = ((posting - line) & (LINE_LEVELS - 1)) >>> ROTATION_SHIFT;
                counts[((posting >>> LINE_BITS) << ROTATION_BITS) | rotation]++;
            }
        }
        for (int slot = 0; slot < slots; slot++) {
            if (states[slot] != LIVE) {
                continue;
            }
            int base = slot << ROTATION_BITS;
            int best = 0;
            int previous = counts[base + ROTATION_BINS - 1];
            for (int r = 0; r < ROTATION_BINS; r++) {
                int current = counts[base + r];
                best = Math.max(best, previous + current);
                previous = current;
            }
            // A finger with many pairs collects many chance votes: normalise, as a cosine similarity would.
            best = (int) Math.min(Integer.MAX_VALUE,
                    (long) best * best * PAIR_SCORE_SCALE / (PAIR_SCORE_DAMPING + postingCounts[slot]));
            if (best > top.floor()) {
                top.offer(best, slot);
            }
        }
    }

    long id(int slot) {
        return ids[slot];
    }

    int position(int slot) {
        return positions[slot] & 0xff;
    }

    FingerprintTemplate template(int slot) {
        return templates[slot];
    }

    int size() {
        return live;
    }

    long postings() {
        return postings;
    }

    private int newSlot() {
        if (slots == MAX_SLOTS) {
            throw new IllegalStateException("index shard is full at " + MAX_SLOTS + " fingers: use more shards");
        }
        if (slots == ids.length) {
            int capacity = Math.min(MAX_SLOTS, ids.length * 2);
            ids = Arrays.copyOf(ids, capacity);
            positions = Arrays.copyOf(positions, capacity);
            states = Arrays.copyOf(states, capacity);
            postingCounts = Arrays.copyOf(postingCounts, capacity);
            templates = Arrays.copyOf(templates, capacity);
        }
        return slots++;
    }

    /** Drops the postings of removed fingers and makes their slots reusable. */
    private void compact() {
        for (int key = 0; key < KEYS; key++) {
            int[] list = lists[key];
            int kept = 0;
            for (int p = 0; p < sizes[key]; p++) {
                if (states[list[p] >>> LINE_BITS] == LIVE) {
                    list[kept++] = list[p];
                }
            }
            sizes[key] = kept;
        }
        for (int slot = 0; slot < slots; slot++) {
            if (states[slot] == DEAD) {
                states[slot] = FREE;
                if (freeCount == free.length) {
                    free = Arrays.copyOf(free, free.length * 2);
                }
                free[freeCount++] = slot;
            }
        }
        postings -= deadPostings;
        deadPostings = 0;
    }
}
