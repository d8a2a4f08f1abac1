package org.ibex.names;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Learned Latin realisations of reading units (a Han character, a kana mora) with their log
 * probabilities, as {@link ReadingTrainer} wrote them: 斯 is "s" far more often than pinyin's "si"
 * in transcribed foreign names. Rows keyed by an ASCII syllable instead of a unit hold what all
 * characters with that pinyin reading share, for characters too rare to have rows of their own.
 * Immutable after loading; a missing resource is an empty table, which decodes to ICU's readings.
 */
public final class ReadingTable {
    /** The bundled Chinese and Japanese reading tables, as the trainer in the bench package writes them. */
    public static final String HAN_RESOURCE = "han-readings.tsv";
    public static final String KANA_RESOURCE = "kana-readings.tsv";
    public record Reading(String latin, float logprob) {
    }

    private record Partial(String latin, float logprob) {
    }

    /** Partial decodings kept per step: a few more than asked for, since different paths can spell the same string. */
    private static final int BEAM_FACTOR = 4;

    private final Map<String, Reading[]> rows;

    public ReadingTable(Map<String, Reading[]> rows) {
        this.rows = Map.copyOf(rows);
    }

    public static ReadingTable empty() {
        return new ReadingTable(Map.of());
    }

    public int size() {
        return rows.size();
    }

    /** The keys that have rows: units, and ICU readings shared by rare characters. */
    public java.util.Set<String> keys() {
        return rows.keySet();
    }

    public boolean covers(String unit) {
        return rows.containsKey(unit) || rows.containsKey(ReadingUnits.withoutContext(unit));
    }

    /** The unit's own realisations, else those of its ICU reading, else the reading itself. */
    public Reading[] realisations(String unit, String reading) {
        Reading[] r = rows.get(unit);
        if (r == null) r = rows.get(ReadingUnits.withoutContext(unit));
        if (r == null && reading != null) r = rows.get(reading);
        if (r == null) r = new Reading[] {new Reading(reading == null ? "" : reading, 0f)};
        return r;
    }

    /**
     * The k most probable spellings of a unit sequence, best first, by beam search; units are
     * independent in this model, so the beam only has to merge paths that spell the same string.
     * {@code readings} may be null, or hold ICU's reading of each unit for units without rows.
     */
    public List<String> best(List<String> units, List<String> readings, int k) {
        List<Partial> beam = List.of(new Partial("", 0f));
        int width = k * BEAM_FACTOR;
        // Spellings are cut to MAX_TOKEN_LENGTH letters anyway; the bound keeps hostile input cheap.
        int n = Math.min(units.size(), Variants.MAX_TOKEN_LENGTH);
        for (int i = 0; i < n; i++) {
            Reading[] options = realisations(units.get(i), readings == null ? null : readings.get(i));
            Map<String, Float> next = new HashMap<>();
            for (Partial p : beam) {
                for (Reading r : options) next.merge(p.latin + r.latin, p.logprob + r.logprob, Math::max);
            }
            beam = top(next, width);
        }
        List<String> out = new ArrayList<>(k);
        for (Partial p : beam) {
            if (out.size() < k && !p.latin.isEmpty()) out.add(p.latin);
        }
        return out;
    }

    private static List<Partial> top(Map<String, Float> candidates, int width) {
        List<Partial> all = new ArrayList<>(candidates.size());
        candidates.forEach((latin, lp) -> all.add(new Partial(latin, lp)));
        all.sort(Comparator.comparingDouble((Partial p) -> -p.logprob).thenComparing(Partial::latin));
        return all.size() > width ? all.subList(0, width) : all;
    }

    public void write(Writer w) throws IOException {
        for (Map.Entry<String, Reading[]> e : new java.util.TreeMap<>(rows).entrySet()) {
            for (Reading r : e.getValue()) {
                w.write(e.getKey() + "\t" + r.latin + "\t" + String.format(Locale.ROOT, "%.2f", r.logprob) + "\n");
            }
        }
    }

    /** Rows {@code unit<TAB>latin<TAB>natural log probability}, grouped by unit, best first; # starts a comment. */
    public static ReadingTable loadBundled(String resource) {
        Map<String, List<Reading>> rows = new LinkedHashMap<>();
        try (InputStream in = ReadingTable.class.getResourceAsStream(resource)) {
            if (in == null) return empty();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) continue;
                String[] f = line.split("\t", -1);
                rows.computeIfAbsent(f[0], u -> new ArrayList<>()).add(new Reading(f[1], Float.parseFloat(f[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled resource org/ibex/names/" + resource, e);
        }
        Map<String, Reading[]> out = new HashMap<>();
        rows.forEach((unit, list) -> out.put(unit, list.toArray(Reading[]::new)));
        return new ReadingTable(out);
    }
}
