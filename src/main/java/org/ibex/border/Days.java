package org.ibex.border;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/** Day arithmetic shared by the stay limits. */
final class Days {

    private Days() {
    }

    /** Days from {@code from} to {@code to}: 0 on the same day, negative when {@code to} is earlier. */
    static int between(LocalDate from, LocalDate to) {
        return Math.toIntExact(ChronoUnit.DAYS.between(from, to));
    }

    /** Days in {@code from..to}, both counted; 0 when {@code to} is before {@code from}. */
    static int inclusive(LocalDate from, LocalDate to) {
        return Math.max(0, between(from, to) + 1);
    }

    static String count(int n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
