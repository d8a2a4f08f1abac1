package org.ibex.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Character edit costs for one script, learned by {@link EditCostTrainer}: index 0 is the empty
 * character, 1–26 are a–z; {@code cost[a][b]} rewrites romanised letter a as Latin letter b,
 * {@code cost[0][b]} inserts b, {@code cost[a][0]} deletes a. Also holds the raw similarity that
 * this script's scores are calibrated against. Immutable after loading.
 */
public record EditCosts(String name, float[][] cost, double rawThreshold) {
    public static final int SIZE = 27;
    public static final String RESOURCE = "edit-costs.tsv";

    public static int index(byte letter) {
        return letter == 0 ? 0 : letter - 'a' + 1;
    }

    /** Unit costs: plain Levenshtein, used before training. */
    public static EditCosts uniform(String name) {
        float[][] c = new float[SIZE][SIZE];
        for (int a = 0; a < SIZE; a++) {
            for (int b = 0; b < SIZE; b++) c[a][b] = a == b ? 0f : 1f;
        }
        return new EditCosts(name, c, 0.8);
    }

    public EditCosts withThreshold(double t) {
        return new EditCosts(name, cost, t);
    }

    public void write(Writer w) throws IOException {
        w.write("table\t" + name + "\t" + String.format(Locale.ROOT, "%.4f", rawThreshold) + "\n");
        for (float[] row : cost) {
            StringBuilder b = new StringBuilder();
            for (int j = 0; j < row.length; j++) {
                if (j > 0) b.append('\t');
                b.append(String.format(Locale.ROOT, "%.3f", row[j]));
            }
            w.write(b.append('\n').toString());
        }
    }

    /** Reads every table of the bundled resource; a missing resource means unit costs everywhere. */
    public static Map<String, EditCosts> loadBundled() {
        Map<String, EditCosts> out = new HashMap<>();
        try (InputStream in = EditCosts.class.getResourceAsStream(RESOURCE)) {
            if (in == null) return out;
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.startsWith("table\t")) continue;
                String[] head = line.split("\t");
                float[][] c = new float[SIZE][SIZE];
                for (int a = 0; a < SIZE; a++) {
                    String[] cells = r.readLine().split("\t");
                    for (int b = 0; b < SIZE; b++) c[a][b] = Float.parseFloat(cells[b]);
                }
                out.put(head[1], new EditCosts(head[1], c, Double.parseDouble(head[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource org/ibex/names/" + RESOURCE, e);
        }
        return out;
    }
}
