package org.ibex.bench;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * Finds any of many byte strings of one length in a haystack in one pass (Rabin-Karp): each window's rolling hash is
 * looked up in the needles' hashes, and a hit is confirmed byte for byte. Scanning a 300 MB store for hundreds of
 * probes costs one pass, not hundreds.
 */
final class NeedleScan {
    private static final long BASE = 1_000_003L;
    private static final int FILTER_BITS = 22;
    private final int length;
    private final byte[][] needles;
    private final Map<Long, int[]> byHash = new HashMap<>();
    private final long[] filter = new long[(1 << FILTER_BITS) / 64];
    private final long highPower;

    /** Needles of one length; the number passed to the consumer of {@link #scan} is a needle's index here. */
    NeedleScan(List<byte[]> needles) {
        if (needles.isEmpty()) {
            throw new IllegalArgumentException("a scan needs at least one needle");
        }
        this.length = needles.get(0).length;
        this.needles = needles.toArray(byte[][]::new);
        long power = 1;
        for (int i = 1; i < length; i++) {
            power *= BASE;
        }
        this.highPower = power;
        for (int n = 0; n < this.needles.length; n++) {
            if (this.needles[n].length != length) {
                throw new IllegalArgumentException("needles of one scan must have one length (" + length + ")");
            }
            long hash = hash(this.needles[n], 0);
            int[] known = byHash.get(hash);
            int[] grown = known == null ? new int[] {n} : Arrays.copyOf(known, known.length + 1);
            grown[grown.length - 1] = n;
            byHash.put(hash, grown);
            int bit = bucket(hash);
            filter[bit >>> 6] |= 1L << bit;
        }
    }

    int length() {
        return length;
    }

    /** Calls {@code found} with the index of every needle that occurs in {@code haystack[0, end)}. */
    void scan(byte[] haystack, int end, IntConsumer found) {
        if (end < length) {
            return;
        }
        long hash = hash(haystack, 0);
        for (int at = 0; ; at++) {
            int bit = bucket(hash);
            if ((filter[bit >>> 6] & 1L << bit) != 0) {
                int[] candidates = byHash.get(hash);
                if (candidates != null) {
                    for (int n : candidates) {
                        if (Arrays.equals(needles[n], 0, length, haystack, at, at + length)) {
                            found.accept(n);
                        }
                    }
                }
            }
            if (at + length >= end) {
                return;
            }
            hash = (hash - (haystack[at] & 0xff) * highPower) * BASE + (haystack[at + length] & 0xff);
        }
    }

    private long hash(byte[] bytes, int from) {
        long hash = 0;
        for (int i = from; i < from + length; i++) {
            hash = hash * BASE + (bytes[i] & 0xff);
        }
        return hash;
    }

    private static int bucket(long hash) {
        return (int) ((hash ^ hash >>> 29) & ((1 << FILTER_BITS) - 1));
    }
}
