package org.ibex.names;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every Latin spelling each character of a Han token stands for, with its cost: a Latin name is
 * aligned against the characters choosing one spelling per character ({@link #similarity}), so a
 * transcription that mixes the second-best spelling of one character with the third of another
 * is found without listing every whole-name spelling. Costs are {@link #COST_PER_NAT} edit units
 * per natural-log unit of probability below the character's best spelling, so unlikely spellings
 * need a closer Latin string. Immutable.
 */
final class ReadingLattice {
    /**
     * Edit units charged per nat of probability below a character's best spelling. Chosen on the
     * training half: 0.1 gave the most recall at 1% false alerts (95.4%) but let COLLINS match 柯立芝;
     * 0.3 keeps such near strangers out for half a point (94.9%).
     */
    static final float COST_PER_NAT = 0.3f;

    /** One character's spellings and their costs; shared by every lattice with that character. */
    record Column(byte[][] spellings, float[] costs) {
    }

    /** Columns of every row of the bundled table, built once, so a lattice is only references to them. */
    private static final Map<String, Column> SHARED = shared(HanRomanizer.READINGS);

    private final byte[][][] spellings;
    private final float[][] costs;

    /** The longest spelling the lattice can produce: bounds the mean length when abandoning an alignment. */
    private final int longest;

    private ReadingLattice(byte[][][] spellings, float[][] costs) {
        this.spellings = spellings;
        this.costs = costs;
        int sum = 0;
        for (byte[][] options : spellings) {
            int max = 0;
            for (byte[] o : options) max = Math.max(max, o.length);
            sum += max;
        }
        this.longest = sum;
    }

    /** The lattice of a Han token, or null for other scripts and tokens with no Han character. */
    static ReadingLattice of(String text, Script script) {
        if (script != Script.HAN) return null;
        return of(HanRomanizer.units(text));
    }

    /** One column per unit: the table's realisations, and the character's own pinyin at the worst cost. */
    static ReadingLattice of(List<String> units) {
        int n = Math.min(units.size(), Variants.MAX_TOKEN_LENGTH);
        if (n == 0) return null;
        byte[][][] s = new byte[n][][];
        float[][] c = new float[n][];
        for (int i = 0; i < n; i++) {
            Column col = column(units.get(i));
            s[i] = col.spellings();
            c[i] = col.costs();
        }
        return new ReadingLattice(s, c);
    }

    private static Column column(String unit) {
        Column col = SHARED.get(unit);
        if (col == null) col = SHARED.get(ReadingUnits.withoutContext(unit));
        if (col != null) return col;
        String pinyin = ReadingUnits.reading(unit).toLowerCase(Locale.ROOT);
        col = SHARED.get(pinyin);
        return col != null ? col : build(HanRomanizer.READINGS.realisations(unit, pinyin), pinyin);
    }

    private static Map<String, Column> shared(ReadingTable table) {
        Map<String, Column> out = new HashMap<>();
        for (String key : table.keys()) {
            boolean syllable = key.chars().allMatch(ch -> ch < 128);
            String pinyin = syllable ? key : ReadingUnits.reading(key).toLowerCase(Locale.ROOT);
            out.put(key, build(table.realisations(key, pinyin), pinyin));
        }
        return Map.copyOf(out);
    }

    private static Column build(ReadingTable.Reading[] r, String pinyin) {
        float top = Float.NEGATIVE_INFINITY;
        float worst = 0;
        for (ReadingTable.Reading x : r) {
            top = Math.max(top, x.logprob());
            worst = Math.min(worst, x.logprob());
        }
        List<byte[]> sp = new ArrayList<>();
        List<Float> co = new ArrayList<>();
        boolean hasPinyin = false;
        for (ReadingTable.Reading x : r) {
            sp.add(ascii(x.latin()));
            co.add(COST_PER_NAT * (top - x.logprob()));
            hasPinyin |= x.latin().equals(pinyin);
        }
        if (!hasPinyin && !pinyin.isEmpty()) {
            sp.add(ascii(pinyin));
            co.add(COST_PER_NAT * (top - worst));
        }
        float[] costs = new float[co.size()];
        for (int k = 0; k < costs.length; k++) costs[k] = co.get(k);
        return new Column(sp.toArray(byte[][]::new), costs);
    }

    /** The lattices of several tokens one after the other, as for a name whose parts are joined. */
    static ReadingLattice concat(List<ReadingLattice> parts) {
        List<byte[][]> s = new ArrayList<>();
        List<float[]> c = new ArrayList<>();
        for (ReadingLattice p : parts) {
            if (p == null) return null;
            for (int i = 0; i < p.spellings.length && s.size() < Variants.MAX_TOKEN_LENGTH; i++) {
                s.add(p.spellings[i]);
                c.add(p.costs[i]);
            }
        }
        return s.isEmpty() ? null : new ReadingLattice(s.toArray(byte[][][]::new), c.toArray(float[][]::new));
    }

    int units() {
        return spellings.length;
    }

    /** The raw similarity of the best alignment and the spelling it chose (null unless asked for). */
    record Aligned(double raw, String spelling) {
    }

    /**
     * Raw similarity 1 - distance / mean length against Latin letters {@code b[from, from+len)}, the
     * distance being the cheapest alignment over one spelling per character plus the spellings'
     * costs, the mean length that of the Latin and of the spelling that alignment chose.
     */
    double similarity(float[][] c, byte[] b, int from, int len) {
        return align(c, b, from, len, false, 0).raw();
    }

    /**
     * As {@link #similarity}, but gives up (answering 0) once no alignment can reach above {@code beat}:
     * costs are never negative, so a unit's cheapest cell bounds the final distance from below.
     */
    double similarityAbove(float[][] c, byte[] b, int from, int len, double beat) {
        return align(c, b, from, len, false, beat).raw();
    }

    /** As {@link #similarity}, with the spelling chosen: for the officer's explanation, not the hot path. */
    Aligned align(float[][] c, byte[] b, int from, int len, boolean spell) {
        return align(c, b, from, len, spell, 0);
    }

    private Aligned align(float[][] c, byte[] b, int from, int len, boolean spell, double beat) {
        if (len == 0) return new Aligned(0, spell ? "" : null);
        int n = spellings.length;
        float[] d = new float[len + 1];
        int[] l = new int[len + 1];
        for (int j = 1; j <= len; j++) d[j] = d[j - 1] + c[0][EditCosts.index(b[from + j - 1])];
        float[] nd = new float[len + 1];
        int[] nl = new int[len + 1];
        float[] prev = new float[len + 1];
        float[] cur = new float[len + 1];
        int[] prevL = new int[len + 1];
        int[] curL = new int[len + 1];
        // Only when spelling: the column each unit's chosen path entered at, and the option it chose.
        int[] prevS = spell ? new int[len + 1] : null;
        int[] curS = spell ? new int[len + 1] : null;
        int[][] chosen = spell ? new int[n][len + 1] : null;
        int[][] entered = spell ? new int[n][len + 1] : null;
        for (int u = 0; u < n; u++) {
            java.util.Arrays.fill(nd, Float.POSITIVE_INFINITY);
            byte[][] options = spellings[u];
            for (int o = 0; o < options.length; o++) {
                byte[] a = options[o];
                float extra = costs[u][o];
                for (int j = 0; j <= len; j++) {
                    prev[j] = d[j] + extra;
                    prevL[j] = l[j];
                    if (spell) prevS[j] = j;
                }
                for (int t = 0; t < a.length; t++) {
                    float[] sub = c[EditCosts.index(a[t])];
                    cur[0] = prev[0] + sub[0];
                    curL[0] = prevL[0];
                    if (spell) curS[0] = prevS[0];
                    for (int j = 1; j <= len; j++) {
                        int bj = EditCosts.index(b[from + j - 1]);
                        float best = prev[j - 1] + sub[bj];
                        int from2 = -1;
                        float del = prev[j] + sub[0];
                        if (del < best) {
                            best = del;
                            from2 = 0;
                        }
                        float ins = cur[j - 1] + c[0][bj];
                        if (ins < best) {
                            best = ins;
                            from2 = 1;
                        }
                        cur[j] = best;
                        curL[j] = from2 < 0 ? prevL[j - 1] : from2 == 0 ? prevL[j] : curL[j - 1];
                        if (spell) curS[j] = from2 < 0 ? prevS[j - 1] : from2 == 0 ? prevS[j] : curS[j - 1];
                    }
                    float[] tf = prev;
                    prev = cur;
                    cur = tf;
                    int[] ti = prevL;
                    prevL = curL;
                    curL = ti;
                    if (spell) {
                        ti = prevS;
                        prevS = curS;
                        curS = ti;
                    }
                }
                for (int j = 0; j <= len; j++) {
                    if (prev[j] < nd[j]) {
                        nd[j] = prev[j];
                        nl[j] = prevL[j] + a.length;
                        if (spell) {
                            chosen[u][j] = o;
                            entered[u][j] = prevS[j];
                        }
                    }
                }
            }
            float[] tf = d;
            d = nd;
            nd = tf;
            int[] ti = l;
            l = nl;
            nl = ti;
            if (beat > 0) {
                float least = Float.POSITIVE_INFINITY;
                for (float x : d) least = Math.min(least, x);
                if (1.0 - least / ((longest + len) / 2.0) <= beat) return new Aligned(0, null);
            }
        }
        double mean = (l[len] + len) / 2.0;
        double raw = mean == 0 ? 0 : Math.max(0, 1.0 - d[len] / mean);
        if (!spell) return new Aligned(raw, null);
        String[] parts = new String[n];
        for (int u = n - 1, j = len; u >= 0; u--) {
            parts[u] = new String(spellings[u][chosen[u][j]], java.nio.charset.StandardCharsets.US_ASCII);
            j = entered[u][j];
        }
        return new Aligned(raw, String.join("", parts));
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
