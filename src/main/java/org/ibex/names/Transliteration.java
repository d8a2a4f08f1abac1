package org.ibex.names;

import java.util.List;

/**
 * Romanises a name token from any script to lower-case ASCII variants: ICU4J's transliterators
 * plus script rules where ICU's default is weak (Arabic and Hebrew vowel letters, katakana
 * epenthetic vowels, pinyin of transcribed foreign names, three Cyrillic standards, Thai RTGS and passport
 * spellings). Thread-safe.
 */
public final class Transliteration {
    private Transliteration() {
    }

    /** ICU's one-best romanisation ("Any-Latin; Latin-ASCII"), lower case, letters only. */
    public static String toLatin(String text) {
        return LatinFold.fold(text == null ? "" : text);
    }

    /**
     * All romanisation variants of one token, most standard first, at most four (seven for Han, whose
     * learned readings need more), each lower-case a–z; empty for a token without letters.
     */
    public static List<String> variants(String token) {
        if (token == null || token.isBlank()) return List.of();
        return switch (Script.of(token)) {
            case LATIN -> Variants.distinct(LatinFold.variants(token).toArray(String[]::new));
            case ARABIC -> ArabicRomanizer.variants(token);
            case HEBREW -> HebrewRomanizer.variants(token);
            case CYRILLIC -> CyrillicRomanizer.variants(token);
            case HAN -> HanRomanizer.variants(token);
            case KANA -> KanaRomanizer.variants(token);
            case HANGUL -> hangul(token);
            case THAI -> ThaiRomanizer.variants(token);
            case OTHER -> other(token);
        };
    }

    /** Revised Romanisation from ICU, plus the older initial k/t/p/ch spelling common in passports (김 = kim). */
    private static List<String> hangul(String token) {
        String rr = LatinFold.fold(token);
        String initials = IcuTransliterators.apply("Hangul-Latin; Latin-ASCII", token);
        return Variants.distinct(rr, LatinFold.lettersOnly(initials.replaceAll("^g", "k").replaceAll("^d", "t")
                .replaceAll("^b", "p").replaceAll("^j", "ch").replace("eo", "u")));
    }

    /**
     * Greek, Devanagari, Burmese...: ICU, plus the inherent final vowel dropped (राहुल = rahula = rahul) and
     * aspirates written plain (ph = p, th = t), as many passports of the region write them.
     */
    private static List<String> other(String token) {
        String icu = LatinFold.fold(token);
        String trimmed = icu.length() > 2 && icu.endsWith("a") ? icu.substring(0, icu.length() - 1) : icu;
        String plain = icu.replaceAll("y$", "i").replace("ph", "p").replace("th", "t");
        return Variants.distinct(icu, trimmed, plain);
    }
}
