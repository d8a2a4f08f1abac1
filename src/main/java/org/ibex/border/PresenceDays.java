package org.ibex.border;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The set of days a person was in the country, as sorted non-overlapping ranges, so a day spent in
 * two stays (exit and re-entry on one day) counts once. Lookups are binary searches, so windows over
 * long histories cost only the ranges they touch.
 */
final class PresenceDays {

    private final List<DayRange> ranges;

    private PresenceDays(List<DayRange> ranges) {
        this.ranges = ranges;
    }

    static PresenceDays of(List<DayRange> stays) {
        List<DayRange> sorted = new ArrayList<>(stays);
        sorted.sort(Comparator.comparing(DayRange::from));
        List<DayRange> merged = new ArrayList<>();
        for (DayRange range : sorted) {
            DayRange last = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (last != null && !range.from().isAfter(last.to())) {
                LocalDate to = range.to().isAfter(last.to()) ? range.to() : last.to();
                merged.set(merged.size() - 1, new DayRange(last.from(), to));
            } else {
                merged.add(range);
            }
        }
        return new PresenceDays(List.copyOf(merged));
    }

    PresenceDays with(DayRange stay) {
        List<DayRange> all = new ArrayList<>(ranges);
        all.add(stay);
        return of(all);
    }

    boolean contains(LocalDate day) {
        int i = firstEndingOnOrAfter(day);
        return i < ranges.size() && !ranges.get(i).from().isAfter(day);
    }

    /** Days present in {@code from..to}, both counted; 0 when the range is empty. */
    int countIn(LocalDate from, LocalDate to) {
        int count = 0;
        for (int i = firstEndingOnOrAfter(from); i < ranges.size() && !ranges.get(i).from().isAfter(to); i++) {
            DayRange range = ranges.get(i);
            LocalDate start = range.from().isAfter(from) ? range.from() : from;
            LocalDate end = range.to().isBefore(to) ? range.to() : to;
            count += Days.inclusive(start, end);
        }
        return count;
    }

    // Ranges do not overlap, so their ends are sorted as well as their starts.
    private int firstEndingOnOrAfter(LocalDate day) {
        int low = 0;
        int high = ranges.size();
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ranges.get(mid).to().isBefore(day)) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }
}
