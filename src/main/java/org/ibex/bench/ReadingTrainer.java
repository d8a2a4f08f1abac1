package org.ibex.bench;

import org.ibex.names.LatinFold;
import org.ibex.names.NamePairs;
import org.ibex.names.ReadingTable;
import org.ibex.names.ReadingUnits;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Learns {@link ReadingTable}s from the TRAIN half of the pair files only: Han characters from the
 * Chinese file, kana morae from the Japanese file. Each unit emits a Latin substring of 0 to
 * {@value #MAX_EMIT} letters; expectation maximisation over all segmentations of each Latin label
 * (forward-backward) re-estimates P(latin | unit), starting from ICU's reading (pinyin, Hepburn)
 * with a prior of 10^-(edit distance). Rare units are smoothed towards what all units with the same
 * ICU reading do, so 薩 and 萨 (both sa) learn from each other even before simplification folds them.
 *
 * <p>Regenerate the bundled tables, then the edit costs (their thresholds depend on the variants):
 * <pre>
 * mvn -q -o compile
 * CP=target/classes:$HOME/.m2/repository/com/ibm/icu/icu4j/76.1/icu4j-76.1.jar
 * java -cp $CP org.ibex.bench.ReadingTrainer /work/shared/data/names src/main/resources/org/ibex/names
 * mvn -q -o compile
 * java -cp $CP org.ibex.bench.EditCostTrainer /work/shared/data/names src/main/resources/org/ibex/names/edit-costs.tsv --keep generic
 * </pre>
 */
public final class ReadingTrainer {
    public static final int MAX_EMIT = 4;
    public static final int ITERATIONS = 6;
    /** Longer pairs are rare, mostly noise, and would only slow the alignment. */
    public static final int MAX_UNITS = 16;
    public static final int MAX_LATIN = 48;
    /** Realisations kept per unit, and the probability below which one is dropped. */
    public static final int TOP = 4;
    public static final double FLOOR = 0.04;
    /** Expected occurrences a unit (or reading) needs for rows of its own. */
    public static final double MIN_COUNT = 2.0;
    /** Pseudo-counts: a unit's own counts against its reading's, a reading's counts against ICU. */
    public static final double UNIT_SMOOTHING = 2.0;
    public static final double READING_SMOOTHING = 1.0;

    public record Sample(String[] units, String[] readings, String latin) {
    }

    private ReadingTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/names");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/org/ibex/names");
        write(train(samples(dir, "chinese", ReadingUnits::han)), out.resolve(ReadingTable.HAN_RESOURCE),
                "Han character -> Latin realisation, learned from the train half of wd_chinese_80.tsv by ReadingTrainer");
        write(train(samples(dir, "japanese", ReadingUnits::kana)), out.resolve(ReadingTable.KANA_RESOURCE),
                "kana mora -> Latin realisation, learned from the train half of wd_japanese_80.tsv by ReadingTrainer");
    }

    private static void write(ReadingTable table, Path file, String comment) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("# " + comment + "\n# unit\tlatin\tln p; ASCII units are ICU readings shared by rare characters\n");
            table.write(w);
        }
        System.out.println(file + ": " + table.size() + " units");
    }

    public static List<Sample> samples(Path dir, String script, Function<String, List<String>> unitsOf) {
        Map<String, String> readings = new HashMap<>();
        List<Sample> out = new ArrayList<>();
        for (NamePairs.Pair p : NamePairs.half(NamePairs.read(NamePairs.file(dir, script)), true)) {
            List<String> units = ReadingUnits.withFinal(unitsOf.apply(p.original()));
            String latin = LatinFold.fold(p.latin());
            if (units.isEmpty() || units.size() > MAX_UNITS || latin.isEmpty() || latin.length() > MAX_LATIN) continue;
            String[] r = units.stream().map(u -> readings.computeIfAbsent(u, ReadingUnits::reading)).toArray(String[]::new);
            out.add(new Sample(units.toArray(String[]::new), r, latin));
        }
        return out;
    }

    public static ReadingTable train(List<Sample> samples) {
        ReadingModel model = new ReadingModel(Map.of(), Map.of());
        for (int it = 0; it < ITERATIONS; it++) {
            Map<String, Map<String, Double>> unitCounts = new HashMap<>();
            Map<String, Map<String, Double>> readingCounts = new HashMap<>();
            for (Sample s : samples) ReadingAlignment.expect(s, model, unitCounts, readingCounts);
            model = new ReadingModel(unitCounts, readingCounts);
        }
        Map<String, String> readingOf = new HashMap<>();
        for (Sample s : samples) {
            for (int i = 0; i < s.units().length; i++) {
                readingOf.put(s.units()[i], s.readings()[i]);
                readingOf.put(ReadingUnits.withoutContext(s.units()[i]), s.readings()[i]);
            }
        }
        return model.table(readingOf, TOP, FLOOR, MIN_COUNT);
    }
}
