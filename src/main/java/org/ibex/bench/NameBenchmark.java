package org.ibex.bench;

import org.ibex.names.NameMatcher;
import org.ibex.names.NamePairs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Measures {@link NameMatcher} against the baseline on the EVALUATION half of each pair file
 * (the trainer only ever reads the train half): recall, false-alert rate on random and on hard
 * (Jaro-Winkler-nearest) negatives, blocking recall, key selectivity and scoring speed; then the
 * hand-written pairs for scripts without training data ({@value #OTHER_SCRIPTS}) and the list of
 * real Thai names ({@value #THAI_NAMES}), both bundled with the bench.
 */
public final class NameBenchmark {
    static final int MAX_EVAL_PAIRS = 20_000;
    static final int HARD_CANDIDATES = 200;
    static final String OTHER_SCRIPTS = "other-scripts.tsv";
    /** Real Thai names with their bearers' Latin spelling and sources (also read by the names tests). */
    static final String THAI_NAMES = "thai-names.tsv";

    private NameBenchmark() {
    }

    public static BenchmarkReport run(Path namesDir, long seed, PrintStream out) {
        NameMatcher matcher = new NameMatcher();
        List<BenchmarkReport.ScriptFigures> rows = new ArrayList<>();
        out.println("script     pairs  recall(base)    FAR-rand(base)  FAR-hard(base)  recall@1%FAR  block-recall(all/matches)  pairs/s");
        for (String script : NamePairs.SCRIPTS) {
            progress(script);
            List<NamePairs.Pair> eval = NamePairs.half(NamePairs.read(NamePairs.file(namesDir, script)), false);
            if (eval.size() > MAX_EVAL_PAIRS) eval = eval.subList(0, MAX_EVAL_PAIRS);
            BenchmarkReport.ScriptFigures f = ScriptEvaluation.evaluate(script, eval, matcher, new Random(seed));
            rows.add(f);
            out.println(format(f));
        }
        List<BenchmarkReport.ScriptFigures> other = otherScripts(matcher, seed, out);
        double[] sel = selectivity(namesDir, matcher);
        out.printf(java.util.Locale.ROOT, "blocking keys: %.2f keys per name, %.1f names per key, %.0f candidates per query (sum of bucket sizes) over %d Latin names%n",
                sel[0], sel[1], sel[2], (long) sel[3]);
        return new BenchmarkReport(rows, other, sel[0], sel[1], sel[2]);
    }

    static String format(BenchmarkReport.ScriptFigures f) {
        return String.format(java.util.Locale.ROOT, "%-9s %6d  %5.1f%% (%4.1f%%)  %5.2f%% (%4.2f%%)  %5.2f%% (%5.2f%%)  %5.1f%%        %5.1f%% / %5.1f%%            %.0f",
                f.script(), f.pairs(), 100 * f.recall(), 100 * f.baselineRecall(), 100 * f.farRandom(),
                100 * f.baselineFarRandom(), 100 * f.farHard(), 100 * f.baselineFarHard(),
                100 * f.recallAtOnePercentFar(), 100 * f.blockingRecall(), 100 * f.blockingRecallOfMatches(),
                f.pairsPerSecond());
    }

    private static List<BenchmarkReport.ScriptFigures> otherScripts(NameMatcher matcher, long seed, PrintStream out) {
        Map<String, List<NamePairs.Pair>> byScript = new LinkedHashMap<>();
        try (InputStream in = NameBenchmark.class.getResourceAsStream(OTHER_SCRIPTS)) {
            if (in == null) return List.of();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                byScript.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new NamePairs.Pair(f[1], f[2]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OTHER_SCRIPTS, e);
        }
        out.println("-- scripts without training data (hand-written pairs, not tuned on) --");
        List<NamePairs.Pair> thai = resourcePairs(THAI_NAMES);
        if (!thai.isEmpty()) byScript.put("thai-101", thai);
        List<BenchmarkReport.ScriptFigures> rows = new ArrayList<>();
        for (Map.Entry<String, List<NamePairs.Pair>> e : byScript.entrySet()) {
            BenchmarkReport.ScriptFigures f = ScriptEvaluation.evaluate(e.getKey(), e.getValue(), matcher, new Random(seed));
            rows.add(f);
            out.println(format(f));
        }
        return rows;
    }

    /** Rows {@code latin<TAB>original<TAB>source} of a bundled list; # starts a comment; empty when absent. */
    static List<NamePairs.Pair> resourcePairs(String resource) {
        List<NamePairs.Pair> out = new ArrayList<>();
        try (InputStream in = NameBenchmark.class.getResourceAsStream(resource)) {
            if (in == null) return out;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] f = line.split("\t");
                out.add(new NamePairs.Pair(f[0], f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return out;
    }

    /** Keys per name and bucket sizes over every distinct Latin name in the pair files. */
    private static double[] selectivity(Path dir, NameMatcher matcher) {
        Map<String, Integer> buckets = new HashMap<>();
        Set<String> names = new java.util.HashSet<>();
        for (String script : NamePairs.SCRIPTS) {
            for (NamePairs.Pair p : NamePairs.read(NamePairs.file(dir, script))) names.add(p.latin());
        }
        long keys = 0;
        List<Set<String>> all = new ArrayList<>(names.size());
        for (String n : names) {
            Set<String> k = matcher.blockingKeys(matcher.key(n));
            keys += k.size();
            all.add(k);
            for (String key : k) buckets.merge(key, 1, Integer::sum);
        }
        double candidates = 0;
        for (Set<String> k : all) for (String key : k) candidates += buckets.get(key);
        double[] sizes = buckets.values().stream().mapToDouble(Integer::doubleValue).toArray();
        return new double[] {(double) keys / names.size(), Arrays.stream(sizes).average().orElse(0),
                candidates / names.size(), names.size()};
    }

    private static void progress(String script) {
        if (System.console() != null) System.err.println("names benchmark: " + script + "...");
    }
}
