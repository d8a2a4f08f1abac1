package org.ibex.biometrics;

import java.util.Arrays;

/** The k best (votes, slot) pairs seen so far: a bounded min-heap of packed longs, scratch for one search. */
final class TopVotes {
    private final long[] heap;
    private int size;

    TopVotes(int capacity) {
        heap = new long[capacity];
    }

    /** The smallest vote count that would still enter the list; 0 until it is full. */
    int floor() {
        return size < heap.length ? 0 : (int) (heap[0] >>> 32);
    }

    void offer(int votes, int slot) {
        long packed = ((long) votes << 32) | (slot & 0xffffffffL);
        if (size < heap.length) {
            heap[size] = packed;
            up(size++);
        } else if (packed > heap[0]) {
            heap[0] = packed;
            down(0);
        }
    }

    /** Entries best first, each packed as votes in the high and slot in the low 32 bits. */
    long[] sorted() {
        long[] out = Arrays.copyOf(heap, size);
        Arrays.sort(out);
        for (int i = 0, j = out.length - 1; i < j; i++, j--) {
            long t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }

    private void up(int i) {
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            if (heap[parent] <= heap[i]) {
                return;
            }
            swap(i, parent);
            i = parent;
        }
    }

    private void down(int i) {
        while (true) {
            int left = 2 * i + 1;
            if (left >= size) {
                return;
            }
            int child = left + 1 < size && heap[left + 1] < heap[left] ? left + 1 : left;
            if (heap[i] <= heap[child]) {
                return;
            }
            swap(i, child);
            i = child;
        }
    }

    private void swap(int a, int b) {
        long t = heap[a];
        heap[a] = heap[b];
        heap[b] = t;
    }
}
