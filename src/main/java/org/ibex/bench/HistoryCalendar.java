package org.ibex.bench;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.temporal.ChronoUnit;

/**
 * How busy the border is on a day, relative to an ordinary one: a weekly rhythm (Fridays and Sundays busiest,
 * midweek quietest), the northern summer holidays (a broad peak around late July), Christmas to New Year and the
 * days around (Western) Easter. The figures are shaped after published monthly arrival series, not fitted to any.
 */
final class HistoryCalendar {
    private static final double[] WEEK = {0.90, 0.85, 0.86, 0.95, 1.18, 1.08, 1.18};
    private final LocalDate from;
    private final double[] cumulative;

    /** The days from {@code from} to {@code to} inclusive, with their running share of the whole period's traffic. */
    HistoryCalendar(LocalDate from, LocalDate to) {
        this.from = from;
        int days = (int) ChronoUnit.DAYS.between(from, to) + 1;
        cumulative = new double[days];
        double sum = 0;
        for (int i = 0; i < days; i++) {
            sum += weight(from.plusDays(i));
            cumulative[i] = sum;
        }
        for (int i = 0; i < days; i++) {
            cumulative[i] /= sum;
        }
    }

    int days() {
        return cumulative.length;
    }

    /** The share of the period's traffic on the days up to and including {@code day}. */
    double shareUpTo(LocalDate day) {
        int i = (int) ChronoUnit.DAYS.between(from, day);
        return i < 0 ? 0 : cumulative[Math.min(i, cumulative.length - 1)];
    }

    /** The day's traffic relative to an ordinary day (about 1). */
    static double weight(LocalDate day) {
        double w = WEEK[day.getDayOfWeek().getValue() - 1];
        double season = 1.0;
        // Summer holidays: a broad bump centred on 25 July.
        double fromSummer = distance(day, MonthDay.of(7, 25));
        season += 0.45 * Math.exp(-(fromSummer * fromSummer) / (2 * 24.0 * 24.0));
        // A quiet late autumn and late winter, as in most arrival series.
        season -= 0.12 * Math.exp(-Math.pow(distance(day, MonthDay.of(11, 10)), 2) / (2 * 15.0 * 15.0));
        season -= 0.10 * Math.exp(-Math.pow(distance(day, MonthDay.of(2, 5)), 2) / (2 * 12.0 * 12.0));
        if (isChristmasSeason(day)) {
            season += 0.40;
        }
        long fromEaster = Math.abs(ChronoUnit.DAYS.between(easter(day.getYear()), day));
        if (fromEaster <= 5) {
            season += 0.30;
        }
        if (day.getDayOfWeek() == DayOfWeek.SUNDAY && day.getMonthValue() == 8) {
            season += 0.10;
        }
        return w * season;
    }

    private static boolean isChristmasSeason(LocalDate day) {
        return day.getMonthValue() == 12 && day.getDayOfMonth() >= 19 || day.getMonthValue() == 1 && day.getDayOfMonth() <= 4;
    }

    /** Days between {@code day} and the nearest {@code anchor}, in its year or the neighbouring ones. */
    private static double distance(LocalDate day, MonthDay anchor) {
        long best = Long.MAX_VALUE;
        for (int year = day.getYear() - 1; year <= day.getYear() + 1; year++) {
            best = Math.min(best, Math.abs(ChronoUnit.DAYS.between(anchor.atYear(year), day)));
        }
        return best;
    }

    /** Western Easter Sunday (the anonymous Gregorian algorithm). */
    static LocalDate easter(int year) {
        int a = year % 19;
        int b = year / 100;
        int c = year % 100;
        int d = b / 4;
        int e = b % 4;
        int f = (b + 8) / 25;
        int g = (b - f + 1) / 3;
        int h = (19 * a + b - d - g + 15) % 30;
        int i = c / 4;
        int k = c % 4;
        int l = (32 + 2 * e + 2 * i - h - k) % 7;
        int m = (a + 11 * h + 22 * l) / 451;
        int month = (h + l - 7 * m + 114) / 31;
        int dayOfMonth = (h + l - 7 * m + 114) % 31 + 1;
        return LocalDate.of(year, month, dayOfMonth);
    }
}
