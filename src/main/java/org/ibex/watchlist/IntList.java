package org.ibex.watchlist;

import java.util.Arrays;

/** A growable list of ints: postings of the name index, without boxing a million Integers. */
final class IntList {
    // Empty until used: most postings of a million names hold only one or two of their lists.
    private int[] values = new int[0];
    private int size;

    void add(int value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, Math.max(4, size * 2));
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    void clear() {
        size = 0;
    }

    int get(int index) {
        return values[index];
    }
}
