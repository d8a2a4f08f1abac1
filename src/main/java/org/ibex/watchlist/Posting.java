package org.ibex.watchlist;

import java.util.Arrays;

/**
 * The names under one blocking key, split by what is known of the birth date: names of persons with a full
 * birth date sorted by it (so a query reads only the few with a compatible date), the rest unsorted. A person
 * listed with several dates is filed under each full one, and among the undated as well when one of the dates
 * is partial (a year, a range), because a traveller's date may fit that one. New
 * names wait in a small unsorted tail that is merged in once it grows past a quarter of the sorted part,
 * which keeps bulk loading at n log n.
 */
final class Posting {
    private int[] sortedNames = new int[0];
    private int[] sortedDays = new int[0];
    private final IntList pendingNames = new IntList();
    private final IntList pendingDays = new IntList();
    private final IntList undated = new IntList();

    /** Files {@code name} under each of the full birth dates {@code days}, and among the undated if asked. */
    void add(int name, int[] days, boolean undatedToo) {
        if (undatedToo) {
            undated.add(name);
        }
        for (int day : days) {
            pendingNames.add(name);
            pendingDays.add(day);
        }
        if (pendingNames.size() > Math.max(32, sortedNames.length / 4)) {
            merge();
        }
    }

    /** Sorts in what waits in the tail, so that queries after a bulk load never scan it. */
    void compact() {
        if (pendingNames.size() > 0) {
            merge();
        }
    }

    /** Every name, whatever its date: for a traveller whose birth date is unknown. */
    void all(IntList out) {
        for (int name : sortedNames) {
            out.add(name);
        }
        for (int i = 0; i < pendingNames.size(); i++) {
            out.add(pendingNames.get(i));
        }
        undated(out);
    }

    /** Names whose listed birth date is one of {@code days} (sorted), and, if asked, those without a full date. */
    void compatible(int[] days, boolean withUndated, IntList out) {
        for (int day : days) {
            int at = Arrays.binarySearch(sortedDays, day);
            if (at < 0) {
                continue;
            }
            while (at > 0 && sortedDays[at - 1] == day) {
                at--;
            }
            for (; at < sortedDays.length && sortedDays[at] == day; at++) {
                out.add(sortedNames[at]);
            }
        }
        for (int i = 0; i < pendingNames.size(); i++) {
            if (BirthDates.contains(days, pendingDays.get(i))) {
                out.add(pendingNames.get(i));
            }
        }
        if (withUndated) {
            undated(out);
        }
    }

    private void undated(IntList out) {
        for (int i = 0; i < undated.size(); i++) {
            out.add(undated.get(i));
        }
    }

    private void merge() {
        int total = sortedNames.length + pendingNames.size();
        long[] packed = new long[total];
        for (int i = 0; i < sortedNames.length; i++) {
            packed[i] = pack(sortedDays[i], sortedNames[i]);
        }
        for (int i = 0; i < pendingNames.size(); i++) {
            packed[sortedNames.length + i] = pack(pendingDays.get(i), pendingNames.get(i));
        }
        Arrays.sort(packed);
        sortedNames = new int[total];
        sortedDays = new int[total];
        for (int i = 0; i < total; i++) {
            sortedDays[i] = (int) (packed[i] >> 32);
            sortedNames[i] = (int) packed[i];
        }
        pendingNames.clear();
        pendingDays.clear();
    }

    private static long pack(int day, int name) {
        return ((long) day << 32) | (name & 0xffffffffL);
    }
}
