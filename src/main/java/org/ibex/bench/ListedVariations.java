package org.ibex.bench;

import org.ibex.watchlist.PartialDate;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.ScreeningQuery;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The forms in which an officer meets a listed person: the Latin name as a machine-readable zone prints it
 * (folded, no punctuation), in swapped order, with one typing error, and in the original script when the list
 * gives it; each with EVERY listed birth date (a year-only listing as a date in that year), or none when the list
 * gives none. What a screen must find; deterministic for a seed.
 */
public final class ListedVariations {
    /** How the name was varied. */
    public enum Form { MRZ, SWAPPED, TYPO, ORIGINAL_SCRIPT }

    /** A query that should find {@code entry}. */
    public record Variation(PersonEntry entry, Form form, ScreeningQuery query) {
    }

    private ListedVariations() {
    }

    public static List<Variation> of(List<PersonEntry> entries, long seed) {
        Random random = new Random(seed);
        List<Variation> out = new ArrayList<>();
        for (PersonEntry entry : entries) {
            String latin = entry.names().stream().filter(ListedVariations::latin).findFirst().orElse(null);
            String original = entry.names().stream().filter(n -> !latin(n)).findFirst().orElse(null);
            List<LocalDate> dates = new ArrayList<>();
            entry.datesOfBirth().forEach(d -> dates.add(dateWithin(d)));
            if (dates.isEmpty()) {
                dates.add(null);
            }
            String nationality = entry.nationality();
            for (LocalDate date : dates) {
                if (latin != null) {
                    String mrz = mrz(latin);
                    add(out, entry, Form.MRZ, mrz, date, nationality);
                    add(out, entry, Form.SWAPPED, swapped(mrz), date, nationality);
                    add(out, entry, Form.TYPO, typo(mrz, random), date, nationality);
                }
                if (original != null) {
                    add(out, entry, Form.ORIGINAL_SCRIPT, original, date, nationality);
                }
            }
        }
        return out;
    }

    private static void add(List<Variation> out, PersonEntry entry, Form form, String name, LocalDate date,
                            String nationality) {
        if (name != null && !name.isBlank()) {
            out.add(new Variation(entry, form, new ScreeningQuery(name, date, nationality, entry.sex(), null, null)));
        }
    }

    /** A date a traveller listed with {@code listed} may carry: the date itself, or one inside a partial one. */
    static LocalDate dateWithin(PartialDate listed) {
        int month = listed.month() == null ? 7 : listed.month();
        int day = listed.day() == null ? (listed.month() == null ? 1 : 15) : listed.day();
        int year = listed.yearTo() == null ? listed.year() : (listed.year() + listed.yearTo()) / 2;
        return LocalDate.of(year, month, day);
    }

    static boolean latin(String name) {
        return name.codePoints().filter(Character::isLetter)
                .allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN);
    }

    /** Upper case, accents dropped, every other mark a space: what a passport's machine-readable zone gives. */
    static String mrz(String name) {
        String folded = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return folded.toUpperCase(Locale.ROOT).replaceAll("[^A-Z]+", " ").strip();
    }

    /** The last token first, as a surname-first document writes it. */
    static String swapped(String name) {
        String[] tokens = name.split(" ");
        if (tokens.length < 2) {
            return name;
        }
        StringBuilder out = new StringBuilder(tokens[tokens.length - 1]);
        for (int i = 0; i < tokens.length - 1; i++) {
            out.append(' ').append(tokens[i]);
        }
        return out.toString();
    }

    /** One letter of one token of four letters or more replaced by another: one keying error. */
    static String typo(String name, Random random) {
        String[] tokens = name.split(" ");
        List<Integer> long4 = new ArrayList<>();
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i].length() >= 4) {
                long4.add(i);
            }
        }
        if (long4.isEmpty()) {
            return name;
        }
        int t = long4.get(random.nextInt(long4.size()));
        char[] chars = tokens[t].toCharArray();
        int at = 1 + random.nextInt(chars.length - 1);
        char replacement;
        do {
            replacement = (char) ('A' + random.nextInt(26));
        } while (replacement == chars[at]);
        chars[at] = replacement;
        tokens[t] = new String(chars);
        return String.join(" ", tokens);
    }
}
