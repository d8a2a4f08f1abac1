package org.ibex.node;

import org.ibex.border.CrossingTime;
import org.ibex.border.HitReview;
import org.ibex.store.DataFolder;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/**
 * The node's tunable settings, read once from {@code ibex.properties} and the environment ({@code IBEX_…}) and
 * checked at start: a bad value stops the node naming the setting and its range, instead of failing later where it
 * is used. Secrets (passphrases) are not kept here; they are read where they are needed and nowhere else.
 */
public record NodeSettings(Duration clearance, Duration maxSkew, Duration exchangeMaxAge, Duration directoryPull,
                           Duration checkpointEvery, Duration alertSweep, Duration agencyWait) {
    public static NodeSettings read(DataFolder folder) {
        return new NodeSettings(
                amount(folder, "hits.clearance-days", HitReview.DEFAULT_CLEARANCE.toDays(), 1, 3650, ChronoUnit.DAYS),
                amount(folder, "crossings.max-skew-minutes", CrossingTime.DEFAULT_SKEW.toMinutes(), 0, 24 * 60,
                        ChronoUnit.MINUTES),
                amount(folder, "exchange.max-age-days", 30, 1, 365, ChronoUnit.DAYS),
                amount(folder, "exchange.directory-seconds", 600, 1, 7 * 24 * 3600, ChronoUnit.SECONDS),
                amount(folder, "audit.checkpoint-minutes", 60, 1, 7 * 24 * 60, ChronoUnit.MINUTES),
                amount(folder, "stays.alert-sweep-minutes", 15, 1, 7 * 24 * 60, ChronoUnit.MINUTES),
                // How long an inspection waits for other agencies' answers before deciding without them.
                amount(folder, "inquiry.inspection-wait-ms", 2000, 0, 30_000, ChronoUnit.MILLIS));
    }

    private static Duration amount(DataFolder folder, String name, long fallback, long min, long max, ChronoUnit unit) {
        return Duration.of(folder.wholeNumber(name, fallback, min, max, unit.name().toLowerCase()), unit);
    }
}
