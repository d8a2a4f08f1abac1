package org.ibex.watchlist;

import java.util.Arrays;

/**
 * Spelling ids by one-letter deletion, in flat arrays: a million names file some ten million deletions, and a map
 * of strings to lists would hold them in several hundred megabytes. A deletion is known by a 64-bit hash of its
 * letters; two deletions sharing a hash only add a candidate that the scorer then weighs, never lose one.
 */
final class DeletionTable {
    private long[] keys = new long[1 << 12];
    /** Per slot, one past the index of its newest link; 0 for none. */
    private int[] heads = new int[1 << 12];
    private int used;
    private int[] linkIds = new int[1 << 12];
    private int[] linkNext = new int[1 << 12];
    private int links;

    /** The hash of {@code text} without its letter at {@code skip} (-1 for none), never 0. */
    static long hash(String text, int skip) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            if (i != skip) {
                h = (h ^ text.charAt(i)) * 0x100000001b3L;
            }
        }
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    void add(long key, int id) {
        if (2 * (used + 1) > keys.length) {
            grow();
        }
        int slot = slot(key);
        if (keys[slot] == 0) {
            keys[slot] = key;
            used++;
        }
        if (links == linkIds.length) {
            linkIds = Arrays.copyOf(linkIds, links * 2);
            linkNext = Arrays.copyOf(linkNext, links * 2);
        }
        linkIds[links] = id;
        linkNext[links] = heads[slot];
        heads[slot] = ++links;
    }

    /** Adds the ids filed under {@code key} to {@code out}. */
    void get(long key, IntList out) {
        int slot = slot(key);
        if (keys[slot] == 0) {
            return;
        }
        for (int link = heads[slot]; link != 0; link = linkNext[link - 1]) {
            out.add(linkIds[link - 1]);
        }
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int slot = (int) (key ^ (key >>> 32)) & mask;
        while (keys[slot] != 0 && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldHeads = heads;
        keys = new long[oldKeys.length * 2];
        heads = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                int slot = slot(oldKeys[i]);
                keys[slot] = oldKeys[i];
                heads[slot] = oldHeads[i];
            }
        }
    }
}
