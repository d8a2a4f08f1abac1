package org.ibex.bench;

import org.ibex.names.Alignment;
import org.ibex.names.EditCosts;
import org.ibex.names.NamePairs;
import org.ibex.names.NameParser;
import org.ibex.names.TokenComparer;
import org.ibex.names.TokenKey;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Learns per-script edit costs from the TRAIN half of the pair files only: aligns each
 * romanised original with its Latin label under the current costs, counts substitutions,
 * insertions and deletions, turns frequencies into costs (-log10 p / 2, clamped) and repeats.
 * Then sets each script's raw threshold so that 0.8% of random train negatives pass.
 *
 * <p>Regenerate the bundled table with:
 * <pre>
 * mvn -q compile
 * java -cp target/classes:$HOME/.m2/repository/com/ibm/icu/icu4j/76.1/icu4j-76.1.jar org.ibex.bench.EditCostTrainer \
 *     /work/shared/data/names src/main/resources/org/ibex/names/edit-costs.tsv --keep generic
 * </pre>
 * The bundled generic table was trained with two Han decodings per name (before the Chinese readings
 * grew to four); {@code --keep generic} keeps it, so Latin-to-Latin scores stay where screening set them.
 */
public final class EditCostTrainer {
    public static final int ITERATIONS = 3;
    public static final int MAX_PAIRS = 25_000;
    public static final double TRAIN_FAR = 0.008;

    private EditCostTrainer() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "/work/shared/data/names");
        Path out = Path.of(args.length > 1 ? args[1] : "src/main/resources/org/ibex/names/edit-costs.tsv");
        Map<String, EditCosts> tables = train(dir);
        // --keep NAME: keep that table as bundled (the generic one serves Latin-to-Latin screening, whose
        // thresholds other code calibrates on; retraining one script's readings should not move it).
        Map<String, EditCosts> bundled = EditCosts.loadBundled();
        for (int i = 2; i + 1 < args.length; i += 2) {
            if (!args[i].equals("--keep") || !bundled.containsKey(args[i + 1])) {
                throw new IllegalArgumentException("expected --keep TABLE with a bundled table, got " + args[i] + " " + args[i + 1]);
            }
            tables.put(args[i + 1], bundled.get(args[i + 1]));
        }
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (EditCosts c : tables.values()) c.write(w);
        }
        tables.values().forEach(c -> System.out.println(c.name() + " raw threshold " + c.rawThreshold()));
    }

    public static Map<String, EditCosts> train(Path dir) {
        Map<String, List<TokenKey[]>> pairs = new LinkedHashMap<>();
        for (String script : NamePairs.SCRIPTS) {
            List<TokenKey[]> keys = new ArrayList<>();
            for (NamePairs.Pair p : NamePairs.half(NamePairs.read(NamePairs.file(dir, script)), true)) {
                TokenKey latin = NameParser.joined(NameParser.parse(p.latin()));
                List<TokenKey> orig = NameParser.parse(p.original());
                if (latin == null || orig.isEmpty()) continue;
                keys.add(new TokenKey[] {NameParser.joined(orig), latin});
                if (keys.size() >= MAX_PAIRS) break;
            }
            pairs.put(script, keys);
        }
        Map<String, EditCosts> out = new LinkedHashMap<>();
        double[][] pooled = new double[EditCosts.SIZE][EditCosts.SIZE];
        for (Map.Entry<String, List<TokenKey[]>> e : pairs.entrySet()) {
            EditCosts c = EditCosts.uniform(e.getKey());
            double[][] counts = null;
            for (int it = 0; it < ITERATIONS; it++) {
                counts = Alignment.count(e.getValue(), c.cost());
                c = new EditCosts(e.getKey(), costs(counts), 0.8);
            }
            for (int a = 0; a < EditCosts.SIZE; a++) for (int b = 0; b < EditCosts.SIZE; b++) pooled[a][b] += counts[a][b];
            out.put(e.getKey(), c.withThreshold(rawThreshold(e.getValue(), c)));
        }
        EditCosts generic = new EditCosts("generic", symmetric(costs(pooled)), 0.8);
        List<TokenKey[]> all = new ArrayList<>();
        pairs.values().forEach(all::addAll);
        out.put("generic", generic.withThreshold(rawThreshold(all, generic)));
        return out;
    }

    public static float[][] costs(double[][] n) {
        float[][] c = new float[EditCosts.SIZE][EditCosts.SIZE];
        double[] colTotals = new double[EditCosts.SIZE];
        for (double[] row : n) for (int b = 0; b < row.length; b++) colTotals[b] += row[b];
        for (int a = 0; a < EditCosts.SIZE; a++) {
            double rowTotal = Arrays.stream(n[a]).sum();
            for (int b = 0; b < EditCosts.SIZE; b++) {
                if (a == b && a != 0) continue;
                // Insertions are normalised by how often the Latin letter occurs at all.
                double total = a == 0 ? colTotals[b] : rowTotal;
                double p = (n[a][b] + 0.1) / (total + 1.0);
                c[a][b] = (float) Math.max(0.05, Math.min(1.0, -Math.log10(p) / 2));
            }
        }
        c[0][0] = 0;
        return c;
    }

    /** Latin-to-Latin comparisons have no direction: average both directions. */
    public static float[][] symmetric(float[][] c) {
        float[][] s = new float[EditCosts.SIZE][EditCosts.SIZE];
        for (int a = 0; a < EditCosts.SIZE; a++) {
            for (int b = 0; b < EditCosts.SIZE; b++) s[a][b] = (c[a][b] + c[b][a]) / 2;
        }
        return s;
    }

    public static double rawThreshold(List<TokenKey[]> pairs, EditCosts c) {
        Random random = new Random(7);
        int n = Math.min(pairs.size(), 10_000);
        double[] neg = new double[n];
        for (int i = 0; i < n; i++) {
            TokenKey[] p = pairs.get(i);
            TokenKey[] q = pairs.get(random.nextInt(pairs.size()));
            neg[i] = TokenComparer.raw(p[0], q[1], c);
        }
        Arrays.sort(neg);
        return neg[(int) Math.floor(n * (1 - TRAIN_FAR))];
    }
}
