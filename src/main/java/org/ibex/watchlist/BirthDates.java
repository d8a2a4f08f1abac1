package org.ibex.watchlist;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * The birth dates a listed person may carry when a traveller's date is read or typed with one error: the
 * date itself, every real date one digit of yyyyMMdd away, and day and month swapped. The same set that
 * {@link PartialDate#compareTo} calls compatible, so the index never drops what the scorer would keep.
 */
final class BirthDates {
    private BirthDates() {
    }

    /** Epoch days of the date and its one-error neighbours, sorted. */
    static int[] neighbours(LocalDate date) {
        TreeSet<Integer> days = new TreeSet<>();
        days.add((int) date.toEpochDay());
        char[] digits = String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth())
                .toCharArray();
        for (int position = 0; position < 8; position++) {
            char original = digits[position];
            for (char c = '0'; c <= '9'; c++) {
                if (c != original) {
                    digits[position] = c;
                    add(days, digits);
                }
            }
            digits[position] = original;
        }
        if (date.getDayOfMonth() <= 12) {
            try {
                days.add((int) LocalDate.of(date.getYear(), date.getDayOfMonth(), date.getMonthValue()).toEpochDay());
            } catch (DateTimeException e) {
                // no such swapped date
            }
        }
        return days.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void add(TreeSet<Integer> days, char[] digits) {
        int year = Integer.parseInt(new String(digits, 0, 4));
        int month = Integer.parseInt(new String(digits, 4, 2));
        int day = Integer.parseInt(new String(digits, 6, 2));
        if (year < 1000 || month < 1 || month > 12 || day < 1) {
            return;
        }
        try {
            days.add((int) LocalDate.of(year, month, day).toEpochDay());
        } catch (DateTimeException e) {
            // not a real date
        }
    }

    /** The full birth date of a list entry as an epoch day, or null when the list gives only part of it. */
    static Integer fullDate(PartialDate date) {
        if (!isFull(date)) {
            return null;
        }
        return (int) LocalDate.of(date.year(), date.month(), date.day()).toEpochDay();
    }

    /** Every full listed date as an epoch day, distinct and sorted; partial dates have none. */
    static int[] fullDays(List<PartialDate> dates) {
        return dates.stream().filter(BirthDates::isFull).mapToInt(d -> fullDate(d)).distinct().sorted().toArray();
    }

    /**
     * Whether a name must be filed among the undated too: no date listed, or one that is only partly known
     * (a year, a range), which a traveller's full date may fit whatever the other listed dates say.
     */
    static boolean undatedToo(List<PartialDate> dates) {
        return dates.isEmpty() || dates.stream().anyMatch(d -> !isFull(d));
    }

    /**
     * Whether none of the listed dates fits the traveller's: lists give several dates as alternatives, so one
     * that fits (exactly, partly, or one typing error away) is enough to keep the person.
     */
    static boolean noneFits(List<PartialDate> dates, LocalDate birth) {
        if (birth == null || dates.isEmpty()) {
            return false;
        }
        for (PartialDate listed : dates) {
            if (listed.compareTo(birth) != PartialDate.Compatibility.CONFLICT) {
                return false;
            }
        }
        return true;
    }

    static boolean isFull(PartialDate date) {
        return date != null && date.month() != null && date.day() != null && date.yearTo() == null;
    }

    static boolean contains(int[] sorted, int day) {
        return Arrays.binarySearch(sorted, day) >= 0;
    }
}
