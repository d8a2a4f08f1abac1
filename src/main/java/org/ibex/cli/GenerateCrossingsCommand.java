package org.ibex.cli;

import org.ibex.bench.BenchNames;
import org.ibex.bench.HistoryPosts;
import org.ibex.bench.HistoryWriter;
import org.ibex.bench.SyntheticHistory;
import org.ibex.node.Node;
import org.ibex.node.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code ibex generate crossings --count N}: a realistic synthetic history (see {@link SyntheticHistory}) stored
 * through the same path as crossings arriving from posts, so persons, corrections and the flow roll-ups are as for
 * real ones. The same seed gives the same history; running it again stores nothing twice.
 */
@Command(name = "crossings", mixinStandardHelpOptions = true,
        description = "Generate a realistic synthetic history of crossings (seasons, corridors, stays, overstays,"
                + " late arrivals, corrections) into the node's store.")
final class GenerateCrossingsCommand implements Callable<Integer> {
    static final long MAX_COUNT = 1_000_000_000L;
    @Mixin
    DataOptions data;

    @Option(names = "--count", required = true, description = "how many crossings (1..1000000000)")
    long count;

    @Option(names = "--seed", defaultValue = "1", description = "random seed: the same seed, the same history (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--from", description = "first day (default: a year before --to)")
    LocalDate from;

    @Option(names = "--to", description = "last day (default: today, UTC)")
    LocalDate to;

    @Option(names = "--posts", split = ",", paramLabel = "ID", description = "posts to cross at (default: every post"
            + " of the store, or UTO-AIR, UTO-LAND and UTO-SEA when it has none)")
    List<String> posts;

    @Override
    public Integer call() throws Exception {
        if (count < 1 || count > MAX_COUNT) {
            throw new IllegalArgumentException("--count must be 1.." + MAX_COUNT + " (got " + count + ")");
        }
        LocalDate last = to != null ? to : LocalDate.now(Clock.systemUTC());
        LocalDate first = from != null ? from : last.minusYears(1).plusDays(1);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("--from must be on or before --to (got " + first + " .. " + last + ")");
        }
        if (first.plusYears(30).isBefore(last)) {
            throw new IllegalArgumentException("--from .. --to may span at most 30 years");
        }
        try (Node node = data.open()) {
            SyntheticHistory.Settings settings = new SyntheticHistory.Settings(count, seed, first, last,
                    HistoryPosts.choose(node.services.posts().all(), posts));
            Progress progress = new Progress("crossings", count);
            HistoryWriter writer = new HistoryWriter(node.database, progress);
            SyntheticHistory.Summary s = new SyntheticHistory(settings, names()).generate(writer);
            writer.flush();
            progress.done();
            double seconds = progress.seconds();
            System.out.printf("generated %d crossings %s..%s at %d posts (seed %d): %d entries, %d exits, %d travellers"
                            + " (%d repeat trips), %d overstaying, %d late, %d corrections, %d refused%n", s.crossings(),
                    first, last, settings.posts().size(), seed, s.entries(), s.exits(), s.travellers(), s.repeatTrips(),
                    s.overstayers(), s.late(), s.corrections(), s.refused());
            System.out.printf("stored %d, already held %d, in %.1f s (%.0f crossings/s)%n", writer.stored(),
                    writer.alreadyHeld(), seconds, s.crossings() / Math.max(seconds, 1e-9));
        }
        return 0;
    }

    /** The shared Wikidata names when they are there; syllable names otherwise. */
    private static Map<String, List<BenchNames.Pair>> names() throws java.io.IOException {
        Path folder = BenchNames.sharedFolder();
        return Files.isDirectory(folder) ? BenchNames.load(folder) : Map.of();
    }
}
