package org.ibex.names;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a name into tokens: MRZ fillers, spaces, hyphens and commas separate parts, apostrophes
 * join them (O'BRIEN = OBRIEN, as in Doc 9303), the Arabic article ال is split off, particles
 * and single-letter initials are flagged. Input is bounded so hostile strings stay cheap.
 */
public final class NameParser {
    public static final int MAX_INPUT = 200;
    public static final int MAX_TOKENS = 8;
    private static final Set<String> PARTICLES = Set.of("al", "el", "ul", "bin", "ibn", "bint", "abu", "abou",
            "ben", "bat", "van", "von", "de", "da", "del", "der", "den", "la", "le", "di", "du", "des", "dos", "das",
            "do", "ter", "ten", "zu", "y", "e", "ould", "ait", "ال", "بن", "ابن", "بنت", "ابو", "أبو", "בן", "בת");

    private NameParser() {
    }

    public static List<TokenKey> parse(String name) {
        List<TokenKey> out = new ArrayList<>();
        if (name == null) return out;
        String s = name.length() > MAX_INPUT ? name.substring(0, MAX_INPUT) : name;
        s = java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFC).replaceAll("['’ʼ`´׳״]", "");
        for (String raw : s.split("[\\s<,;/\\-‐‑–—_.()\\[\\]\"·・‧•]+")) {
            if (out.size() >= MAX_TOKENS) break;
            String t = raw.strip();
            if (t.isEmpty()) continue;
            if (t.startsWith("ال") && t.length() >= 5) {
                add(out, "ال");
                t = t.substring(2);
            }
            add(out, t);
        }
        return out;
    }

    private static void add(List<TokenKey> out, String text) {
        List<String> variants = Transliteration.variants(text);
        if (variants.isEmpty()) return;
        String display = text.toUpperCase(Locale.ROOT);
        int flags = 0;
        if (PARTICLES.contains(text.toLowerCase(Locale.ROOT))) flags |= TokenKey.PARTICLE;
        if (variants.get(0).length() == 1 && Script.of(text) == Script.LATIN) flags |= TokenKey.INITIAL;
        out.add(new TokenKey(display, Script.of(text), flags, pack(variants)));
    }

    public static byte[] pack(List<String> variants) {
        return String.join("|", variants).getBytes(StandardCharsets.US_ASCII);
    }

    /** One token for the whole name, every part joined: "abdul rahman" = "abdulrahman". */
    public static TokenKey joined(List<TokenKey> tokens) {
        if (tokens.size() == 1) return tokens.get(0);
        StringBuilder text = new StringBuilder();
        int max = 0;
        Script script = Script.LATIN;
        for (TokenKey t : tokens) {
            text.append(text.length() == 0 ? "" : " ").append(t.text());
            max = Math.max(max, t.variantCount());
            if (t.script() != Script.LATIN) script = t.script();
        }
        List<String> variants = new ArrayList<>();
        for (int v = 0; v < max; v++) {
            StringBuilder b = new StringBuilder();
            for (TokenKey t : tokens) b.append(t.variant(Math.min(v, t.variantCount() - 1)));
            variants.add(b.toString());
        }
        ReadingLattice lattice = script == Script.HAN
                ? ReadingLattice.concat(tokens.stream().map(TokenKey::lattice).toList()) : null;
        return new TokenKey(text.toString(), script, 0, pack(Variants.distinct(variants.toArray(String[]::new))), lattice);
    }
}
