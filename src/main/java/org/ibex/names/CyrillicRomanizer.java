package org.ibex.names;

import java.util.List;

/** Cyrillic romanisation in three standards at once: ICAO Doc 9303, BGN/PCGN and German-style. */
final class CyrillicRomanizer {
    static final int ICAO = 0;
    private static final LetterTable TABLE = new LetterTable().rows("""
            а=a б=b в=v|v|w г=g д=d е=e ё=e|e|jo ж=zh|zh|sch з=z|z|s и=i й=i|y|j к=k л=l м=m н=n
            о=o п=p р=r с=s т=t у=u ф=f х=kh|kh|ch ц=ts|ts|z ч=ch|ch|tsch ш=sh|sh|sch
            щ=shch|shch|schtsch ъ=ie|| ы=y ь=|| э=e ю=iu|yu|ju я=ia|ya|ja і=i ї=i|yi|ji є=ie|ye|je
            ґ=g ў=u ђ=d ј=j љ=lj ћ=c џ=dz ѓ=g ќ=k ѕ=dz њ=nj
            """);

    private CyrillicRomanizer() {
    }

    static List<String> variants(String token) {
        String lower = token.toLowerCase(java.util.Locale.ROOT);
        return Variants.distinct(TABLE.render(lower, 0), TABLE.render(lower, 1), TABLE.render(lower, 2));
    }

    /** ICAO Doc 9303 transliteration, upper case, as used in the MRZ. */
    static String icao(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char lower = Character.toLowerCase(c);
            out.append(TABLE.has(lower) ? TABLE.get(lower, ICAO).toUpperCase(java.util.Locale.ROOT) : String.valueOf(c));
        }
        return out.toString();
    }
}
