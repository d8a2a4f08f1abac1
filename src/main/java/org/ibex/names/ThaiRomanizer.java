package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Thai romanisation: the Royal Thai General System (initial and final consonant values differ:
 * พ is ph at the start of a syllable and p at its end, ร is r and n; tone marks dropped; silent
 * letters under ์), plus the spellings Thai passports and the press commonly use: final ร as
 * "rn" (-porn, -thorn), ี and ู as ee and oo, ศรี as sri, a linking vowel in Pali compounds
 * (ณัฐพงษ์ = natthaphong / nattapong), and aspirates written plain (kh/k, th/t, ph/p) with จ as j
 * and ว as v. ICU's letter-by-letter ISO 11940 reading matches few of these.
 */
final class ThaiRomanizer {
    private static final String INITIALS = "ก=k ข=kh ฃ=kh ค=kh ฅ=kh ฆ=kh ง=ng จ=ch ฉ=ch ช=ch ซ=s ฌ=ch ญ=y ฎ=d ฏ=t ฐ=th "
            + "ฑ=th ฒ=th ณ=n ด=d ต=t ถ=th ท=th ธ=th น=n บ=b ป=p ผ=ph ฝ=f พ=ph ฟ=f ภ=ph ม=m ย=y ร=r ล=l ว=w ศ=s ษ=s ส=s "
            + "ห=h ฬ=l อ= ฮ=h";
    private static final String FINALS = "ก=k ข=k ฃ=k ค=k ฅ=k ฆ=k ง=ng จ=t ฉ=t ช=t ซ=t ฌ=t ญ=n ฎ=t ฏ=t ฐ=t ฑ=t ฒ=t ณ=n "
            + "ด=t ต=t ถ=t ท=t ธ=t น=n บ=p ป=p ผ=p ฝ=p พ=p ฟ=p ภ=p ม=m ร=n ล=n ศ=t ษ=t ส=t ฬ=n ห= อ= ย= ว=";
    /** Finals as the letter is commonly spelt in passports: -rn, -l, -s, -th. */
    private static final String LETTER_FINALS = "ร=rn ล=l ท=th ธ=th ถ=th ฐ=th";
    private static final LetterTable INITIAL = new LetterTable().rows(INITIALS);
    private static final LetterTable FINAL = new LetterTable().rows(FINALS);
    private static final LetterTable LETTER_FINAL = new LetterTable().rows(LETTER_FINALS);

    /** How one spelling renders: RTGS, or one of the common passport habits. */
    private record Style(boolean link, boolean letterFinals, boolean longDoubled, boolean plain) {
    }

    /** RTGS; RTGS with linking vowels; passport letters (-rn, ee, oo, sri); the same with plain aspirates, j, v and links. */
    private static final Style[] STYLES = {
        new Style(false, false, false, false),
        new Style(true, false, false, false),
        new Style(false, true, true, false),
        new Style(true, true, true, true),
    };

    private ThaiRomanizer() {
    }

    static List<String> variants(String token) {
        List<ThaiSyllables.Syllable> syllables = ThaiSyllables.parse(token);
        if (syllables.isEmpty()) return List.of();
        String[] out = new String[STYLES.length];
        for (int k = 0; k < STYLES.length; k++) out[k] = render(syllables, STYLES[k]);
        return Variants.distinct(out);
    }

    private static String render(List<ThaiSyllables.Syllable> syllables, Style style) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < syllables.size(); k++) {
            ThaiSyllables.Syllable s = syllables.get(k);
            b.append(onset(s.onset(), style));
            boolean doubled = style.longDoubled() && s.longVowel();
            b.append(doubled ? doubled(s.vowel()) : s.vowel());
            boolean more = k + 1 < syllables.size();
            if (s.coda() == 'ร' && style.link() && more && !s.vowel().equals("o")) {
                // สุรยุทธ์ = surayut: after a written vowel a ร before another syllable is read ra, not a final n.
                b.append("ra");
            } else if (s.coda() != 0) {
                b.append(coda(s.coda(), style));
                // Pali and Sanskrit compounds read a final again as the next onset with a: ณัฐ-พงษ์ = nat-tha-phong.
                if (style.link() && k + 1 < syllables.size() && linking(s)
                        && syllables.get(k + 1).onset().charAt(0) != s.coda()) {
                    b.append(letters(INITIAL, s.coda(), style)).append('a');
                }
            }
        }
        return b.toString();
    }

    /** Finals that Pali and Sanskrit loans read twice; native finals (ง ม น ก ...) are not linked. */
    private static boolean linking(ThaiSyllables.Syllable s) {
        return "ฐฒธภษศทตยพชณ".indexOf(s.coda()) >= 0 && !s.vowel().isEmpty();
    }

    private static String onset(String letters, Style style) {
        if (letters.length() == 2 && letters.charAt(1) == 'ร' && "ศส".indexOf(letters.charAt(0)) >= 0) {
            return style.letterFinals() ? "sr" : "s";
        }
        if (letters.length() == 2 && letters.charAt(0) == 'ท' && letters.charAt(1) == 'ร') return "s";
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) b.append(letters(INITIAL, letters.charAt(i), style));
        return b.toString();
    }

    private static String letters(LetterTable table, char c, Style style) {
        String v = table.get(c, 0);
        if (v == null) return "";
        if (!style.plain()) return v;
        return switch (c) {
            case 'จ' -> "j";
            case 'ว' -> "v";
            default -> v.length() == 2 && v.charAt(1) == 'h' && v.charAt(0) != 'c' ? v.substring(0, 1) : v;
        };
    }

    private static String coda(char c, Style style) {
        if (style.letterFinals()) {
            String letter = LETTER_FINAL.get(c, 0);
            if (letter != null) return style.plain() && letter.equals("th") ? "t" : letter;
        }
        String f = FINAL.get(c, 0);
        return f == null ? "" : f;
    }

    private static String doubled(String vowel) {
        return switch (vowel) {
            case "i" -> "ee";
            case "u" -> "oo";
            default -> vowel;
        };
    }

    /** Letters only, for the tests: the syllables as RTGS writes them, hyphen-joined. */
    static String rtgsSyllables(String token) {
        List<String> parts = new ArrayList<>();
        for (ThaiSyllables.Syllable s : ThaiSyllables.parse(token)) {
            parts.add(onset(s.onset(), STYLES[0]) + s.vowel() + (s.coda() == 0 ? "" : coda(s.coda(), STYLES[0])));
        }
        return String.join("-", parts);
    }
}
