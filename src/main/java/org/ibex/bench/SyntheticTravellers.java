package org.ibex.bench;

import org.ibex.border.TravelDocument;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The travellers of a synthetic history: a new one has a sex (slightly more men than women, a few X), an age from
 * a band mix like that of international arrivals (most 18 to 59, some children and elderly), a name and a passport
 * of their nationality. Those who have left may come back: a share of trips is made by a returning traveller, so
 * frequent travellers cross many times under one person. Names come from the shared Wikidata pairs
 * ({@link BenchNames}) for the nationalities that have them, else are built from syllables.
 */
final class SyntheticTravellers {
    private static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";
    private static final String[] ONSETS = {"b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v",
            "z", "ch", "sh", "th", "kr", "br"};
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ou", "ia"};
    private static final double[] AGE_BANDS = {0.04, 0.15, 0.85, 1.0};
    /** The share of trips made by someone who crossed before (when such a traveller is waiting to come back). */
    static final double REPEAT = 0.35;
    private static final int POOL = 200_000;

    /** A traveller and their passport, as a document at the post reads them. */
    record Traveller(long number, String nationality, String surname, String givenNames, LocalDate birth, String sex,
                     String documentNumber, LocalDate expiry) {
        TravelDocument document(String nationalityRead, String sexRead) {
            return new TravelDocument("P", nationality, documentNumber, surname, givenNames, nationalityRead, birth,
                    sexRead, expiry, expiry.minusYears(10), null, null);
        }
    }

    private final Map<String, List<BenchNames.Pair>> names = new HashMap<>();
    private final Map<String, List<Traveller>> waiting = new HashMap<>();
    private long made;
    private long repeats;

    /** {@code pairs}: the shared name pairs by script (empty for syllable names only). */
    SyntheticTravellers(Map<String, List<BenchNames.Pair>> pairs) {
        pairs.forEach((script, list) -> names.put(BenchNames.NATIONALITY.get(script), list));
    }

    /** A traveller of {@code nationality} for a trip starting on {@code day}: one who is back, or a new one. */
    Traveller next(String nationality, LocalDate day, Random random) {
        List<Traveller> back = waiting.get(nationality);
        if (back != null && !back.isEmpty() && random.nextDouble() < REPEAT) {
            int i = random.nextInt(back.size());
            Traveller t = back.get(i);
            back.set(i, back.get(back.size() - 1));
            back.remove(back.size() - 1);
            repeats++;
            return t;
        }
        return create(nationality, day, random);
    }

    /** The traveller has left (or come home) and may travel again. */
    void returned(Traveller traveller, Random random) {
        List<Traveller> back = waiting.computeIfAbsent(traveller.nationality(), n -> new ArrayList<>());
        if (back.size() < POOL) {
            back.add(traveller);
        } else {
            back.set(random.nextInt(back.size()), traveller);
        }
    }

    long made() {
        return made;
    }

    long repeats() {
        return repeats;
    }

    private Traveller create(String nationality, LocalDate day, Random random) {
        long number = ++made;
        double band = random.nextDouble();
        int age = band < AGE_BANDS[0] ? random.nextInt(5) : band < AGE_BANDS[1] ? 5 + random.nextInt(13)
                : band < AGE_BANDS[2] ? 18 + (int) Math.min(41, Math.abs(random.nextGaussian() * 18)) : 60 + random.nextInt(30);
        LocalDate birth = day.minusYears(age).minusDays(random.nextInt(365));
        double s = random.nextDouble();
        String sex = s < 0.515 ? "M" : s < 0.995 ? "F" : "X";
        String surname;
        String given;
        List<BenchNames.Pair> pairs = names.get(nationality);
        if (pairs != null && !pairs.isEmpty()) {
            surname = pairs.get(random.nextInt(pairs.size())).latin();
            given = pairs.get(random.nextInt(pairs.size())).latin();
        } else {
            surname = syllables(2 + random.nextInt(2), random);
            given = syllables(2, random);
        }
        // Unique by construction: the traveller's number in the history, after two letters.
        String document = "" + LETTERS.charAt(random.nextInt(LETTERS.length()))
                + LETTERS.charAt(random.nextInt(LETTERS.length())) + String.format("%09d", number);
        LocalDate expiry = day.plusDays(200 + random.nextInt(3400));
        return new Traveller(number, nationality, surname.toUpperCase(Locale.ROOT), given.toUpperCase(Locale.ROOT),
                birth, sex, document, expiry);
    }

    private static String syllables(int count, Random random) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append(ONSETS[random.nextInt(ONSETS.length)]).append(VOWELS[random.nextInt(VOWELS.length)]);
        }
        return out.toString();
    }
}
