package org.ibex.border;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The rolling count agrees with a naive day-by-day count on random well-formed histories, including
 * same-day visits and same-day exit and re-entry.
 */
class RollingOracleTest {

    private static final LocalDate START = LocalDate.parse("2025-01-01");
    private final StayCalculator calculator = new StayCalculator();

    @Test
    void statusAgreesWithCountingDayByDay() {
        Random random = new Random(20260101);
        for (int run = 0; run < 3000; run++) {
            StayRule rule = run % 2 == 0 ? StayRule.rolling(90, 180) : StayRule.rolling(5, 12);
            History history = History.random(random, rule.windowDays());
            LocalDate asOf = history.end();

            StayStatus status = calculator.status(history.movements(), rule, asOf);

            String why = "run " + run + " " + history.movements() + " as of " + asOf;
            assertThat(status.daysUsed()).as(why).isEqualTo(countEnding(history.days(), asOf, rule));
            assertThat(status.present()).as(why).isEqualTo(history.openSince() != null);
            if (history.openSince() != null) {
                LocalDate expectedEnd = lastDay(history.days(), history.openSince(), rule);
                assertThat(status.stayEndsOn()).as(why).isEqualTo(expectedEnd);
                assertThat(status.overstayer()).as(why).isEqualTo(asOf.isAfter(expectedEnd));
                assertThat(status.overstayer()).as(why + ": overstay iff the window on asOf is over")
                        .isEqualTo(countEnding(history.days(), asOf, rule) > rule.days());
            } else {
                LocalDate expectedEnd = lastDay(history.days(), asOf, rule);
                assertThat(status.daysLeft()).as(why).isEqualTo(Days.inclusive(asOf, expectedEnd));
            }
        }
    }

    @Test
    void entryChecksAgreeWithCountingDayByDay() {
        Random random = new Random(7);
        for (int run = 0; run < 2000; run++) {
            StayRule rule = run % 2 == 0 ? StayRule.rolling(90, 180) : StayRule.rolling(5, 12);
            History history = History.closed(random, rule.windowDays());
            LocalDate entryDay = history.end().plusDays(random.nextInt(rule.windowDays()));

            EntryCheck check = calculator.checkEntry(history.movements(), rule, entryDay);

            String why = "run " + run + " " + history.movements() + " entering " + entryDay;
            int available = Days.inclusive(entryDay, lastDay(history.days(), entryDay, rule));
            assertThat(check.daysAvailable()).as(why).isEqualTo(available);
            assertThat(check.allowed()).as(why).isEqualTo(available > 0);
            if (!check.allowed()) {
                LocalDate next = entryDay.plusDays(1);
                while (Days.inclusive(next, lastDay(history.days(), next, rule)) == 0) {
                    next = next.plusDays(1);
                }
                assertThat(check.reason()).as(why).endsWith("next day available " + next);
            }
        }
    }

    private static int countEnding(Set<LocalDate> days, LocalDate day, StayRule rule) {
        int count = 0;
        for (int back = 0; back < rule.windowDays(); back++) {
            count += days.contains(day.minusDays(back)) ? 1 : 0;
        }
        return count;
    }

    /** The last day before a window holds too many days, staying from {@code entry} onward. */
    private static LocalDate lastDay(Set<LocalDate> recorded, LocalDate entry, StayRule rule) {
        Set<LocalDate> days = new HashSet<>(recorded);
        LocalDate day = entry;
        while (true) {
            days.add(day);
            if (countEnding(days, day, rule) > rule.days()) {
                return day.minusDays(1);
            }
            day = day.plusDays(1);
        }
    }

    /** A well-formed history: its movements, the days present, and the entry of a stay still open. */
    private record History(List<Movement> movements, Set<LocalDate> days, LocalDate openSince, LocalDate end) {

        static History random(Random random, int window) {
            return generate(random, window, random.nextBoolean());
        }

        static History closed(Random random, int window) {
            return generate(random, window, false);
        }

        private static History generate(Random random, int window, boolean endPresent) {
            List<Movement> movements = new ArrayList<>();
            Set<LocalDate> days = new HashSet<>();
            LocalDate day = START.plusDays(random.nextInt(window));
            int stays = 1 + random.nextInt(6);
            for (int stay = 0; stay < stays; stay++) {
                LocalDate entry = day;
                LocalDate exit = entry.plusDays(random.nextInt(window / 3));
                movements.add(Movement.entry(entry));
                for (LocalDate d = entry; !d.isAfter(exit); d = d.plusDays(1)) {
                    days.add(d);
                }
                boolean last = stay == stays - 1;
                if (last && endPresent) {
                    return new History(shuffled(movements, random), days, entry, exit);
                }
                movements.add(Movement.exit(exit));
                day = exit.plusDays(random.nextInt(window / 2));
            }
            return new History(shuffled(movements, random), days, null, day);
        }

        private static List<Movement> shuffled(List<Movement> movements, Random random) {
            List<Movement> copy = new ArrayList<>(movements);
            Collections.shuffle(copy, random);
            return copy;
        }
    }
}
