package org.ibex.bench;

import org.ibex.names.NameMatcher;
import org.ibex.names.NamePairs;
import org.ibex.names.NameScore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Lists the true pairs the matcher misses, per script, from the TRAIN half only: looking at the
 * evaluation half's misses to fix them would tune on the figures reported. Near misses first
 * (those a better reading could win), then how the misses spread over score bands, since pairs
 * scored near zero are mostly other people's labels in the Wikidata files.
 */
final class MissReport {
    private MissReport() {
    }

    record Miss(String latin, String original, double score, String explanation) {
    }

    static void print(Path namesDir, NameMatcher matcher, int limit, PrintStream out) {
        for (String script : NamePairs.SCRIPTS) {
            List<NamePairs.Pair> train = NamePairs.half(NamePairs.read(NamePairs.file(namesDir, script)), true);
            if (train.size() > NameBenchmark.MAX_EVAL_PAIRS) train = train.subList(0, NameBenchmark.MAX_EVAL_PAIRS);
            List<Miss> misses = misses(train, matcher);
            int[] bands = new int[5];
            for (Miss m : misses) bands[Math.min(4, (int) (m.score() * 5))]++;
            out.printf(Locale.ROOT, "-- %s: %d of %d training pairs missed (score 0-0.2: %d, 0.2-0.4: %d, 0.4-0.6: %d, 0.6-0.8: %d)%n",
                    script, misses.size(), train.size(), bands[0], bands[1], bands[2], bands[3] + bands[4]);
            for (Miss m : misses.subList(0, Math.min(limit, misses.size()))) {
                out.printf(Locale.ROOT, "%s\t%s\t%.2f\t%s%n", m.latin(), m.original(), m.score(), m.explanation());
            }
        }
    }

    /** The pairs scored below the threshold, nearest first. */
    static List<Miss> misses(List<NamePairs.Pair> pairs, NameMatcher matcher) {
        List<Miss> out = new ArrayList<>();
        for (NamePairs.Pair p : pairs) {
            NameScore s = matcher.score(p.latin(), p.original());
            if (!s.match()) out.add(new Miss(p.latin(), p.original(), s.score(), s.explanation()));
        }
        out.sort(Comparator.comparingDouble(Miss::score).reversed().thenComparing(Miss::latin));
        return out;
    }
}
