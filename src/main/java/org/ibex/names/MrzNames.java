package org.ibex.names;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Transliterates a name to the MRZ alphabet A–Z and {@code <} following ICAO Doc 9303 Part 3,
 * Section 6: the Latin national-character table (Ä→AE, Ö→OE, Ü→UE, ß→SS, Å→AA, Æ→AE, Ø→OE,
 * Þ→TH, Ñ→N ...; other diacritics dropped), the Cyrillic table (Ж→ZH, Х→KH, Ц→TS, Ч→CH, Ш→SH,
 * Щ→SHCH, Ю→IU, Я→IA) and the reversible Arabic table (ح→XH, خ→XKH, ش→XSH, ع→E ...); other
 * scripts go through ICU. Spaces and hyphens become {@code <}, apostrophes are dropped, and
 * "SURNAME, GIVEN" becomes {@code SURNAME<<GIVEN}. Stateless and thread-safe.
 */
public final class MrzNames {
    /** The primary Doc 9303 expansions for Latin national characters. */
    private static final Map<Character, String> LATIN = Map.ofEntries(
            Map.entry('Ä', "AE"), Map.entry('Ö', "OE"), Map.entry('Ü', "UE"), Map.entry('ß', "SS"),
            Map.entry('Å', "AA"), Map.entry('Æ', "AE"), Map.entry('Ø', "OE"), Map.entry('Þ', "TH"),
            Map.entry('Œ', "OE"), Map.entry('Ĳ', "IJ"), Map.entry('Ð', "D"), Map.entry('Ł', "L"),
            Map.entry('Ñ', "N"), Map.entry('ẞ', "SS"));
    /** Doc 9303's alternative single-letter readings, accepted as variants. */
    private static final Map<Character, String> LATIN_SHORT = Map.of('Ä', "A", 'Ö', "O", 'Ü', "U", 'Å', "A",
            'Ø', "O", 'Ñ', "NXX");
    /** Doc 9303 Part 3 Arabic table; X marks letters with no single Latin equivalent so the mapping stays reversible. */
    private static final LetterTable ARABIC = new LetterTable().rows("""
            ء=XE آ=XAA أ=XAE ؤ=XW إ=I ئ=XI ا=A ب=B ة=XTA ت=T ث=XTH ج=J ح=XH خ=XKH د=D ذ=XDH ر=R ز=Z
            س=S ش=XSH ص=XSS ض=XDZ ط=XTT ظ=XZZ ع=E غ=G ف=F ق=Q ك=K ل=L م=M ن=N ه=H و=W ى=XAY ي=Y
            """);

    private MrzNames() {
    }

    /** The primary MRZ form, e.g. "Müller" → MUELLER, "Иванов" → IVANOV, "Eriksson, Anna Maria" → ERIKSSON<<ANNA<MARIA. */
    public static String toMrz(String name) {
        return render(name, LATIN);
    }

    /** The primary form followed by Doc 9303's accepted alternatives, e.g. MUELLER then MULLER; no duplicates. */
    public static List<String> variants(String name) {
        Set<String> out = new LinkedHashSet<>();
        out.add(toMrz(name));
        Map<Character, String> alt = new java.util.HashMap<>(LATIN);
        alt.putAll(LATIN_SHORT);
        out.add(render(name, alt));
        return new ArrayList<>(out);
    }

    /** Expands Latin national characters only (used for matching variants), leaving everything else. */
    static String expandLatin(String upper) {
        StringBuilder b = new StringBuilder(upper.length() + 4);
        for (int i = 0; i < upper.length(); i++) {
            char c = upper.charAt(i);
            String e = LATIN.get(c);
            if (e != null && c != 'Ñ') b.append(e);
            else b.append(c);
        }
        return b.toString();
    }

    private static String render(String name, Map<Character, String> latin) {
        if (name == null) return "";
        String s = name.length() > NameParser.MAX_INPUT ? name.substring(0, NameParser.MAX_INPUT) : name;
        s = java.text.Normalizer.normalize(s.strip(), java.text.Normalizer.Form.NFC).toUpperCase(Locale.ROOT);
        int comma = s.indexOf(',');
        if (comma >= 0) s = s.substring(0, comma).strip() + "<<" + s.substring(comma + 1).strip();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z' || c == '<') out.append(c);
            else if (latin.containsKey(c)) out.append(latin.get(c));
            else if (Character.isWhitespace(c) || c == '-' || c == '‐') out.append('<');
            else if (ARABIC.has(c)) out.append(c == 'ة' && isLastLetter(s, i) ? "XAH" : ARABIC.get(c, 0));
            else if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) out.append(CyrillicRomanizer.icao(String.valueOf(c)));
            else if (Character.isLetter(c)) out.append(LatinFold.fold(String.valueOf(c)).toUpperCase(Locale.ROOT));
        }
        return out.toString().replaceAll("<{3,}", "<<").replaceAll("^<+|<+$", "");
    }

    private static boolean isLastLetter(String s, int i) {
        return i + 1 >= s.length() || !Character.isLetter(s.charAt(i + 1));
    }
}
