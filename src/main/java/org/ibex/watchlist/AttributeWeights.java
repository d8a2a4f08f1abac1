package org.ibex.watchlist;

import org.ibex.country.Countries;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/**
 * How birth date, nationality and sex move a name score. A conflicting birth date pulls a namesake well
 * below any threshold; a matching one does not lift the name, because on a million names some forty people
 * share any birth date and the name must carry the match on its own; a date one digit off asks more of the
 * name. All tuning constants of screening are here (tuned with benchmark seed 1, reported with another).
 */
final class AttributeWeights {
    static final double BIRTH_EXACT = 0.0;
    static final double BIRTH_PARTIAL = 0.0;
    static final double BIRTH_ONE_DIGIT = -0.08;
    static final double BIRTH_CONFLICT = -0.30;
    static final double NATIONALITY_MATCH = 0.02;
    static final double NATIONALITY_CONFLICT = -0.04;
    static final double SEX_CONFLICT = -0.15;
    /** The most the attributes can add: names further than this below a threshold are not worth adjusting. */
    static final double MAX_BONUS = BIRTH_EXACT + NATIONALITY_MATCH;

    private AttributeWeights() {
    }

    /** The adjusted score and the words that say why. */
    record Adjusted(double score, List<String> notes) {
    }

    static Adjusted adjust(double nameScore, PersonEntry entry, ScreeningQuery query) {
        double score = nameScore;
        List<String> notes = new java.util.ArrayList<>();
        LocalDate birth = query.dateOfBirth();
        if (birth != null && entry.dateOfBirth() != null) {
            switch (entry.dateOfBirth().compareTo(birth)) {
                case EXACT -> {
                    score += BIRTH_EXACT;
                    notes.add("birth date " + birth + " matches");
                }
                case PARTIAL_MATCH -> {
                    score += BIRTH_PARTIAL;
                    notes.add("birth date " + birth + " fits listed " + entry.dateOfBirth());
                }
                case ONE_DIGIT_OFF -> {
                    score += BIRTH_ONE_DIGIT;
                    notes.add("birth date " + birth + " one digit off listed " + entry.dateOfBirth());
                }
                case CONFLICT -> {
                    score += BIRTH_CONFLICT;
                    notes.add("birth date " + birth + " conflicts with listed " + entry.dateOfBirth());
                }
                default -> {
                }
            }
        }
        if (query.nationality() != null && entry.nationality() != null) {
            // ICAO's D and ISO's DEU are both Germany: a passport and a list may write it either way.
            boolean same = Countries.sameCountry(query.nationality().toUpperCase(Locale.ROOT), entry.nationality());
            score += same ? NATIONALITY_MATCH : NATIONALITY_CONFLICT;
            notes.add("nationality " + query.nationality() + (same ? " matches" : " differs from listed " + entry.nationality()));
        }
        if (query.sex() != null && entry.sex() != null && !"X".equals(query.sex()) && !query.sex().equals(entry.sex())) {
            score += SEX_CONFLICT;
            notes.add("sex " + query.sex() + " differs from listed " + entry.sex());
        }
        return new Adjusted(Math.max(0, Math.min(1, score)), notes);
    }
}
