package org.ibex.bench;

import org.ibex.names.NameMatcher;
import org.ibex.node.Progress;
import org.ibex.watchlist.NamesakePolicy;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningIndex;
import org.ibex.watchlist.ScreeningQuery;
import org.ibex.watchlist.ThresholdCalibration;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.watchlist.WatchlistInfo;

import java.time.Clock;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Screens a population and the list's own variations ({@link ListedVariations}) against one list in memory, with
 * the list's namesake policy and no threshold, and picks the threshold for a target alert rate
 * ({@link ThresholdCalibration}).
 */
public final class ListCalibrator {
    private final NameMatcher matcher;
    private final Clock clock;

    public ListCalibrator(NameMatcher matcher, Clock clock) {
        this.matcher = matcher;
        this.clock = clock;
    }

    public ThresholdCalibration calibrate(List<PersonEntry> persons, NamesakePolicy namesakes,
                                          List<ScreeningQuery> population, double targetRate) {
        ScreeningIndex index = new ScreeningIndex(matcher, clock);
        String listId = persons.isEmpty() ? "list" : persons.get(0).listId();
        index.replaceList(new WatchlistInfo(listId, listId, "calibration", "none", 1, namesakes, null), persons,
                List.of());
        List<ListedVariations.Variation> variations = ListedVariations.of(persons, 1);
        Progress progress = new Progress("calibrate", population.size() + variations.size());
        double[] travellers = IntStream.range(0, population.size()).parallel().mapToDouble(i -> {
            double best = best(index.screen(population.get(i), 50), null);
            synchronized (progress) {
                progress.advance(1);
            }
            return best;
        }).toArray();
        double[] found = IntStream.range(0, variations.size()).parallel().mapToDouble(i -> {
            ListedVariations.Variation v = variations.get(i);
            double score = best(index.screen(v.query(), 50), v.entry().entryId());
            synchronized (progress) {
                progress.advance(1);
            }
            return score;
        }).toArray();
        progress.done();
        return ThresholdCalibration.choose(travellers, found, targetRate);
    }

    /** The best alerting score among the hits (on one entry when {@code entryId} is given), 0 when none. */
    private static double best(List<WatchlistHit> hits, String entryId) {
        double best = 0;
        for (WatchlistHit hit : hits) {
            if (hit.alerts() && (entryId == null || hit.entryId().equals(entryId))) {
                best = Math.max(best, hit.score());
            }
        }
        return best;
    }
}
