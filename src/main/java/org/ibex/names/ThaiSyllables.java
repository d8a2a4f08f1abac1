package org.ibex.names;

import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a Thai token into syllables for {@link ThaiRomanizer}: leading vowels (เ แ โ ใ ไ) are
 * written before their consonant, letters under a thanthakhat (์) are silent, tone marks carry
 * no letter, ห and อ before a sonorant only carry the tone, and a consonant without a vowel sign
 * takes the inherent vowel: o when it closes on the next consonant (สม = som), a when it stands
 * open before another syllable (ขจร = kha-chon). Without a dictionary these are rules of thumb;
 * the romaniser gives several spellings to cover what they miss.
 */
final class ThaiSyllables {
    /** One syllable: its onset letters (one, or a cluster such as ปร), vowel as RTGS writes it, final letter or 0. */
    record Syllable(String onset, String vowel, char coda, boolean longVowel) {
    }

    static final String TONES = "\u0E48\u0E49\u0E4A\u0E4B";
    static final char THANTHAKHAT = '\u0E4C';
    private static final String LEADING = "เแโใไ";
    /** Vowel signs written after, above or below their consonant. */
    private static final String FOLLOWING = "ะัาำิีึืุู็";
    private static final String CLUSTER_FIRST = "กขคตปพผบดฟ";
    private static final String CLUSTER_SECOND = "รลว";
    private static final String SONORANTS = "งญนมยรลว";

    private ThaiSyllables() {
    }

    static boolean isConsonant(char c) {
        return c >= '\u0E01' && c <= '\u0E2E';
    }

    private static boolean isFollowing(char c) {
        return FOLLOWING.indexOf(c) >= 0;
    }

    /** The token with tone marks, repetition and abbreviation signs dropped and silent letters removed. */
    static String spoken(String token) {
        StringBuilder b = new StringBuilder(token.length());
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == THANTHAKHAT) {
                // The consonant (with its i or u) under the mark is silent; so is the first of ทร์, ตร์, ษณ์ (จันทร์ = chan).
                int k = b.length() - 1;
                if (k >= 0 && "ิุ".indexOf(b.charAt(k)) >= 0) k--;
                if (k >= 0 && isConsonant(b.charAt(k))) {
                    char silent = b.charAt(k);
                    b.setLength(k);
                    int p = b.length() - 1;
                    boolean pair = (silent == 'ร' && "ทต".indexOf(b.charAt(Math.max(p, 0))) >= 0) || (silent == 'ณ' && p >= 0 && b.charAt(p) == 'ษ');
                    if (pair && p > 0 && isConsonant(b.charAt(p - 1))) {
                        b.setLength(p);
                    }
                }
            } else if (TONES.indexOf(c) < 0 && c != 'ๆ' && c != 'ฯ' && (isConsonant(c) || isFollowing(c)
                    || LEADING.indexOf(c) >= 0 || c == 'ฤ' || c == 'ฦ')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    static List<Syllable> parse(String token) {
        String s = spoken(token);
        List<Syllable> out = new ArrayList<>();
        int n = s.length();
        int i = 0;
        while (i < n && out.size() < Variants.MAX_TOKEN_LENGTH) {
            char c = s.charAt(i);
            if (c == 'ฤ' || c == 'ฦ') {
                out.add(new Syllable(c == 'ฤ' ? "ร" : "ล", "ue", (char) 0, false));
                i++;
                continue;
            }
            char lead = 0;
            if (LEADING.indexOf(c) >= 0) {
                lead = c;
                i++;
                if (i >= n || !isConsonant(s.charAt(i))) continue;
            } else if (!isConsonant(c)) {
                i++;
                continue;
            }
            // เจริญ = cha-roen: a leading vowel before two consonants that form no cluster belongs to the second,
            // and the first is an open syllable of its own.
            if (lead != 0 && i + 2 < n && isConsonant(s.charAt(i + 1)) && "ิีือ".indexOf(s.charAt(i + 2)) >= 0
                    && !clusters(s.charAt(i), s.charAt(i + 1))) {
                out.add(new Syllable(String.valueOf(s.charAt(i)), "a", (char) 0, false));
                i++;
            }
            StringBuilder onset = new StringBuilder().append(s.charAt(i));
            i++;
            i = extendOnset(s, i, onset, lead != 0);
            int[] pos = {i};
            String[] vowel = new String[1];
            boolean[] isLong = new boolean[1];
            boolean mayClose = lead != 0 ? leadVowel(s, pos, lead, vowel) : vowel(s, pos, vowel, isLong);
            i = pos[0];
            char coda = 0;
            if (mayClose && i < n && isConsonant(s.charAt(i)) && closes(s, i)) {
                char f = s.charAt(i);
                String v = vowel[0];
                // ย and ว after a vowel are glides (ai, ao); kept as the coda, which renders empty, for linking.
                if (f == 'ย' && (v.equals("a") || v.equals("u") || v.equals("o") || v.equals("oe") || v.equals("ua"))) {
                    vowel[0] = v + "i";
                } else if (f == 'ว' && (v.equals("a") || v.equals("i") || v.equals("e") || v.equals("ae") || v.equals("ia"))) {
                    vowel[0] = v + "o";
                }
                coda = f;
                i++;
                // รต ิ: the ร is silent and the next consonant both closes this syllable and opens the next (เกียรติ = kiat-ti).
                if (f == 'ร' && i < n && s.charAt(i) == 'ต' && i + 1 < n && s.charAt(i + 1) == 'ิ') coda = 'ต';
                // A final ร after another final is silent (ชินวัตร = chinnawat, มิตร = mit), as is ธ after ท (ยุทธ = yut).
                if (coda != 0 && i < n && s.charAt(i) == 'ร' && (i + 1 == n || !opensSyllable(s, i))) i++;
                if (coda == 'ท' && i + 1 == n && s.charAt(i) == 'ธ') i++;
            }
            out.add(new Syllable(onset.toString(), vowel[0], coda, isLong[0] || lead != 0));
        }
        return silentFinalI(out);
    }

    /**
     * A word-final short i after a long open syllable is not read in Pali and Sanskrit loans: its
     * consonant closes the syllable before (ชาติ = chat, ภูมิ = phum), while สิริ keeps both (siri).
     */
    private static List<Syllable> silentFinalI(List<Syllable> out) {
        int n = out.size();
        if (n < 2) return out;
        Syllable last = out.get(n - 1);
        Syllable prev = out.get(n - 2);
        if (!last.vowel().equals("i") || last.longVowel() || last.coda() != 0 || last.onset().length() != 1
                || prev.coda() != 0 || !prev.longVowel()) {
            return out;
        }
        List<Syllable> merged = new ArrayList<>(out.subList(0, n - 2));
        merged.add(new Syllable(prev.onset(), prev.vowel(), last.onset().charAt(0), true));
        return merged;
    }

    /** Silent ห/อ before a sonorant, and the two-letter clusters (ปร, กล, กว, ศร). */
    private static int extendOnset(String s, int i, StringBuilder onset, boolean afterLead) {
        int n = s.length();
        if (i >= n || !isConsonant(s.charAt(i))) return i;
        char first = onset.charAt(0);
        char next = s.charAt(i);
        boolean vowelAfter = afterLead || opensSyllable(s, i);
        if (first == 'ห' && SONORANTS.indexOf(next) >= 0 && vowelAfter) {
            onset.setCharAt(0, next);
            return extendOnset(s, i + 1, onset, afterLead);
        }
        if (first == 'อ' && next == 'ย' && vowelAfter) {
            onset.setCharAt(0, next);
            return i + 1;
        }
        // A cluster closing on the next consonant: ทรง = song, กรม = krom.
        boolean closedCluster = next == 'ร' && i + 1 < n && isConsonant(s.charAt(i + 1)) && !opensSyllable(s, i + 1)
                && (i + 2 == n || opensSyllable(s, i + 2) || !isConsonant(s.charAt(i + 2)));
        if (clusters(first, next) && (vowelAfter || closedCluster) && !(next == 'ว' && !afterLead && closesAsUa(s, i))) {
            onset.append(next);
            return i + 1;
        }
        return i;
    }

    /** Length and end of the run of vowel-less consonants from i, ทร / ศร / สร counted as one (ทรง = song). */
    private static int[] run(String s, int i) {
        int k = 0;
        int j = i;
        while (j < s.length() && isConsonant(s.charAt(j)) && !opensSyllable(s, j)) {
            boolean clusterR = s.charAt(j) == 'ร' && j > i && "ทศส".indexOf(s.charAt(j - 1)) >= 0
                    && j + 1 < s.length() && isConsonant(s.charAt(j + 1)) && !opensSyllable(s, j + 1);
            if (!clusterR) k++;
            j++;
        }
        return new int[] {k, j};
    }

    private static boolean clusters(char first, char next) {
        return (CLUSTER_FIRST.indexOf(first) >= 0 && CLUSTER_SECOND.indexOf(next) >= 0)
                || (first == 'ห' && SONORANTS.indexOf(next) >= 0) || ("ศสท".indexOf(first) >= 0 && next == 'ร');
    }

    /** Whether the consonant at i starts a syllable: a vowel sign or อ-as-vowel follows it. */
    private static boolean opensSyllable(String s, int i) {
        if (i + 1 >= s.length()) return false;
        char c = s.charAt(i + 1);
        return isFollowing(c) || (c == 'อ' && s.charAt(i) != 'อ' && !(i + 2 < s.length() && isFollowing(s.charAt(i + 2))));
    }

    /** C ว C: the ว is the vowel ua (ชวน = chuan), not a cluster. */
    private static boolean closesAsUa(String s, int i) {
        return i + 1 < s.length() && isConsonant(s.charAt(i + 1)) && !opensSyllable(s, i + 1);
    }

    /** Whether the consonant at i ends the current syllable rather than opening the next. */
    private static boolean closes(String s, int i) {
        // An even run of vowel-less consonants pairs into closed syllables of its own (ภูมิพล = phu-mi-phon,
        // อุบลรัต = u-bon-rat, วชิราลงกร = wa-chi-ra-long-kon); an odd one gives its first to the vowel before.
        // But ตร, คร, กร at the end are one final with a silent ร (ชินวัตร = chinwat, สมัคร = samak).
        boolean lastTwo = run(s, i)[0] % 2 == 0 && !(i + 2 == s.length() && s.charAt(i + 1) == 'ร' && "ตคกป".indexOf(s.charAt(i)) >= 0)
                && !(i + 2 == s.length() && s.charAt(i) == 'ท' && s.charAt(i + 1) == 'ธ');
        // บรร: the consonant before รร opens its syllable (สุบรรณ = su-ban).
        boolean beforeRr = i + 2 < s.length() && s.charAt(i + 1) == 'ร' && s.charAt(i + 2) == 'ร';
        return !opensSyllable(s, i) && !lastTwo && !beforeRr && !(s.charAt(i) == 'ว' && i + 1 < s.length() && s.charAt(i + 1) == 'ั');
    }

    /** Vowel after a consonant written without a leading vowel; answers whether a final consonant may follow. */
    private static boolean vowel(String s, int[] pos, String[] vowel, boolean[] isLong) {
        int i = pos[0];
        int n = s.length();
        char c = i < n ? s.charAt(i) : 0;
        char d = i + 1 < n ? s.charAt(i + 1) : 0;
        switch (c) {
            case 'ั' -> {
                if (d == 'ว') {
                    vowel[0] = "ua";
                    pos[0] = i + 2;
                } else {
                    vowel[0] = "a";
                    pos[0] = d == 'ะ' ? i + 2 : i + 1;
                }
                return d != 'ะ';
            }
            case 'ิ' -> set(vowel, pos, "i", i + 1);
            case 'ี' -> {
                set(vowel, pos, "i", i + 1);
                isLong[0] = true;
            }
            case 'ึ' -> set(vowel, pos, "ue", i + 1);
            case 'ื' -> set(vowel, pos, "ue", d == 'อ' ? i + 2 : i + 1);
            case 'ุ' -> set(vowel, pos, "u", i + 1);
            case 'ู' -> {
                set(vowel, pos, "u", i + 1);
                isLong[0] = true;
            }
            case 'า' -> {
                set(vowel, pos, "a", i + 1);
                isLong[0] = true;
            }
            case 'ะ' -> {
                set(vowel, pos, "a", i + 1);
                return false;
            }
            case 'ำ' -> {
                set(vowel, pos, "am", i + 1);
                return false;
            }
            case '็' -> set(vowel, pos, "o", i + 1);
            default -> {
                return inherent(s, pos, vowel);
            }
        }
        return true;
    }

    private static void set(String[] vowel, int[] pos, String v, int next) {
        vowel[0] = v;
        pos[0] = next;
    }

    /** No vowel sign: อ or ว as the vowel, รร, or the inherent o (closed) or a (open). */
    private static boolean inherent(String s, int[] pos, String[] vowel) {
        int i = pos[0];
        int n = s.length();
        if (i >= n || !isConsonant(s.charAt(i))) {
            vowel[0] = "a";
            return false;
        }
        char c = s.charAt(i);
        if (c == 'อ' && !(i + 1 < n && isFollowing(s.charAt(i + 1)))) {
            set(vowel, pos, "o", i + 1);
            return true;
        }
        if (c == 'ว' && (i + 1 == n || closesAsUa(s, i))) {
            set(vowel, pos, "ua", i + 1);
            return true;
        }
        if (c == 'ร' && i + 1 < n && s.charAt(i + 1) == 'ร') {
            boolean closed = i + 2 < n && isConsonant(s.charAt(i + 2)) && !opensSyllable(s, i + 2);
            vowel[0] = closed ? "a" : "an";
            pos[0] = i + 2;
            return closed;
        }
        if (opensSyllable(s, i)) {
            vowel[0] = "a";
            return false;
        }
        // A run of consonants without vowel signs pairs into closed syllables (C o C); an odd one out is open (C a),
        // first at the end of the word (ขจร = kha-chon, พนมยง = pha-nom-yong), last before a written vowel
        // (วงสวัส = wong-sa-wat); so สมชาย = som-chai and ลงกร = long-kon.
        int[] run = run(s, i);
        int k = 1 + run[0];
        boolean atEnd = run[1] == n;
        if (atEnd && k % 2 == 1) {
            vowel[0] = "a";
            return false;
        }
        vowel[0] = "o";
        return true;
    }

    /** The compound vowel a leading vowel letter makes with what follows its consonant. */
    private static boolean leadVowel(String s, int[] pos, char lead, String[] vowel) {
        int i = pos[0];
        int n = s.length();
        char c = i < n ? s.charAt(i) : 0;
        char d = i + 1 < n ? s.charAt(i + 1) : 0;
        switch (lead) {
            case 'เ' -> {
                if (c == 'ี' && d == 'ย') set(vowel, pos, "ia", i + 2);
                else if (c == 'ื' && d == 'อ') set(vowel, pos, "uea", i + 2);
                else if (c == 'า' && d == 'ะ') {
                    set(vowel, pos, "o", i + 2);
                    return false;
                } else if (c == 'า') {
                    set(vowel, pos, "ao", i + 1);
                    return false;
                } else if (c == 'อ' || c == 'ิ') set(vowel, pos, "oe", i + 1);
                else if (c == 'ะ') {
                    set(vowel, pos, "e", i + 1);
                    return false;
                } else if (c == '็') set(vowel, pos, "e", i + 1);
                else if (c == 'ย' && (d == 0 || !opensSyllable(s, i))) {
                    set(vowel, pos, "oei", i + 1);
                    return false;
                } else vowel[0] = "e";
            }
            case 'แ' -> {
                if (c == 'ะ') {
                    set(vowel, pos, "ae", i + 1);
                    return false;
                }
                set(vowel, pos, "ae", c == '็' ? i + 1 : i);
            }
            case 'โ' -> {
                if (c == 'ะ') {
                    set(vowel, pos, "o", i + 1);
                    return false;
                }
                vowel[0] = "o";
            }
            default -> {
                // ใ ไ: ai, and a ย after it is silent (ไทย = thai).
                set(vowel, pos, "ai", c == 'ย' && (d == 0 || !opensSyllable(s, i)) ? i + 1 : i);
                return false;
            }
        }
        return true;
    }
}
