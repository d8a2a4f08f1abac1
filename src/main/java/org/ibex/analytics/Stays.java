package org.ibex.analytics;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The definition of a stay, in one place: among a person's standing crossings ordered by time then id, every exit
 * whose previous crossing is an entry ends a stay of (exit's local date - entry's local date) days.
 */
public final class Stays {
    private static final Comparator<StayMovement> ORDER = Comparator.comparing(StayMovement::occurredAt)
            .thenComparingLong(StayMovement::id);

    private Stays() {
    }

    /** The stays of one person's standing crossings (any order), one cell each. */
    public static List<StayCell> of(List<StayMovement> standing) {
        List<StayMovement> sorted = new ArrayList<>(standing);
        sorted.sort(ORDER);
        List<StayCell> stays = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            StayMovement entry = sorted.get(i - 1);
            StayMovement exit = sorted.get(i);
            if (entry.entry() && !exit.entry()) {
                stays.add(new StayCell(exit.localDay().withDayOfMonth(1), exit.postId(), exit.nationality(),
                        entry.purpose(), StayCell.band(ChronoUnit.DAYS.between(entry.localDay(), exit.localDay()))));
            }
        }
        return stays;
    }
}
