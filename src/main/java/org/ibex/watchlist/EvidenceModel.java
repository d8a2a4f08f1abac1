package org.ibex.watchlist;

import org.ibex.country.Countries;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The screening score as evidence. Each thing known of a traveller and a listed person adds its log-likelihood
 * ratio (natural log): how much more often it is seen when the traveller IS the listed person than when he is an
 * ordinary traveller compared with an entry. The name's ratio comes from its similarity through a measured curve;
 * birth date (against the best of all listed dates), nationality (any listed one), sex and a listed document number
 * add theirs. The score is the total on a fixed linear scale: {@code 0.80 + (total - name at 0.80) / 100}, so a
 * name alone at 0.80 scores 0.80 (the default threshold keeps its meaning for names alone), each hundredth is one
 * nat (a likelihood ratio of e), and 1.0 is reached twenty nats above that (an exact name and birth date). A name
 * below {@link #NAME_FLOOR} is no hit whatever else agrees, unless a listed document does: dates and nationalities
 * are shared by thousands, and only move names that already look alike. Every number was measured with
 * {@code ibex bench evidence} (README, "### Screening"), which prints them beside the measurement; a test checks
 * the README's table against {@link #table()}.
 */
public final class EvidenceModel {
    /** Similarity points of the name curve, increasing (centres of the measured bins, rounded). */
    static final double[] NAME_SIMILARITY = {0.25, 0.55, 0.70, 0.75, 0.80, 0.85, 0.90, 0.95, 1.00};
    /** The log-likelihood ratio at each point, non-decreasing (the measured ratios, pooled where they were not). */
    static final double[] NAME_LLR = {-7.1, -0.9, -0.9, 0.2, 2.5, 5.6, 9.6, 12.5, 13.6};
    /** Below this name similarity nothing else makes a hit, except a listed document. */
    public static final double NAME_FLOOR = 0.70;
    /** A name alone at this similarity scores the same: where the score scale is anchored. */
    static final double ANCHOR = 0.80;
    /** Nats of evidence per unit of score. */
    static final double NATS_PER_UNIT = 100;
    static final Map<BirthEvidence, Double> BIRTH = new EnumMap<>(Map.of(
            BirthEvidence.EXACT, 10.4,
            BirthEvidence.FITS, 4.2,
            BirthEvidence.ONE_DIGIT_OFF, 3.5,
            BirthEvidence.NEAR_YEAR, 0.8,
            BirthEvidence.CONFLICT, -3.2,
            BirthEvidence.CONFLICT_APPROXIMATE, -3.0,
            BirthEvidence.UNKNOWN, 0.0));
    static final double NATIONALITY_MATCH = 2.0;
    static final double NATIONALITY_CONFLICT = -2.2;
    static final double SEX_MATCH = 0.7;
    static final double SEX_CONFLICT = -3.2;
    static final double DOCUMENT_MATCH = 21.2;

    private EvidenceModel() {
    }

    /** One piece of evidence in words, with its log-likelihood ratio. */
    public record Term(String words, double llr) {
    }

    /**
     * The weighed evidence: its total, the score it makes, each term, and whether the pair is a namesake (a name
     * as strong as the list asks, but every listed birth date, one of them full, conflicts with the traveller's).
     * {@code withoutBirth} is the score the same evidence makes without the birth date: what a list whose policy
     * alerts on namesakes uses.
     */
    public record Evidence(double total, double score, List<Term> terms, boolean namesake, String namesakeNote,
                           double withoutBirth) {
        /** Every term, the total and the score, as an officer reads them. */
        public String explained() {
            StringBuilder out = new StringBuilder("evidence");
            for (Term term : terms) {
                out.append("; ").append(term.words()).append(' ').append(signed(term.llr()));
            }
            out.append("; total ").append(signed(total)).append(" = score ").append(format(score));
            return out.toString();
        }
    }

    /** Weighs what is known of the traveller against a listed person, given the name's similarity. */
    public static Evidence weigh(double similarity, PersonEntry entry, ScreeningQuery query, double threshold) {
        List<Term> terms = new ArrayList<>(5);
        double name = nameLlr(similarity);
        terms.add(new Term("name " + format(similarity), name));
        BirthEvidence.Fit birth = BirthEvidence.best(entry.datesOfBirth(), query.dateOfBirth());
        double birthLlr = BIRTH.get(birth.evidence());
        if (birth.evidence() != BirthEvidence.UNKNOWN) {
            terms.add(new Term(birthWords(birth, entry, query), birthLlr));
        }
        double others = 0;
        String nationality = query.nationality() == null ? null : query.nationality().toUpperCase(Locale.ROOT);
        if (nationality != null && !nationality.isBlank() && !entry.nationalities().isEmpty()) {
            // ICAO's D and ISO's DEU are both Germany: a passport and a list may write it either way.
            String same = entry.nationalities().stream().filter(n -> Countries.sameCountry(nationality, n)).findFirst()
                    .orElse(null);
            double llr = same != null ? NATIONALITY_MATCH : NATIONALITY_CONFLICT;
            terms.add(new Term("nationality " + nationality + (same != null ? " matches listed " + same
                    : " is not among listed " + String.join(", ", entry.nationalities())), llr));
            others += llr;
        }
        if (("M".equals(query.sex()) || "F".equals(query.sex())) && entry.sex() != null) {
            boolean same = query.sex().equals(entry.sex());
            double llr = same ? SEX_MATCH : SEX_CONFLICT;
            terms.add(new Term("sex " + query.sex() + (same ? " matches" : " differs from listed " + entry.sex()), llr));
            others += llr;
        }
        ListedDocument document = listedDocument(entry, query);
        if (document != null) {
            terms.add(new Term("document " + document.number() + " is listed for this person", DOCUMENT_MATCH));
            others += DOCUMENT_MATCH;
        }
        double total = name + birthLlr + others;
        if (similarity < NAME_FLOOR && document == null) {
            terms.add(new Term("name below " + format(NAME_FLOOR) + ": no hit", Double.NEGATIVE_INFINITY));
            return new Evidence(Double.NEGATIVE_INFINITY, 0, terms, false, null, 0);
        }
        boolean namesake = birth.evidence() == BirthEvidence.CONFLICT && score(name) >= threshold && document == null;
        String note = namesake ? "namesake: born " + query.dateOfBirth() + ", listed born "
                + joined(entry.datesOfBirth()) : null;
        return new Evidence(total, score(total), terms, namesake, note, score(name + others));
    }

    /**
     * Every weight by the name the README's table gives it, in the table's order: name points as
     * "name 0.80", then birth date, nationality, sex and document terms.
     */
    public static Map<String, Double> table() {
        Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int i = 0; i < NAME_SIMILARITY.length; i++) {
            out.put("name " + format(NAME_SIMILARITY[i]), NAME_LLR[i]);
        }
        for (BirthEvidence b : BirthEvidence.values()) {
            if (b != BirthEvidence.UNKNOWN) {
                out.put("birth " + b.name().toLowerCase(Locale.ROOT).replace('_', ' '), BIRTH.get(b));
            }
        }
        out.put("nationality listed", NATIONALITY_MATCH);
        out.put("nationality not listed", NATIONALITY_CONFLICT);
        out.put("sex matches", SEX_MATCH);
        out.put("sex differs", SEX_CONFLICT);
        out.put("document listed", DOCUMENT_MATCH);
        return out;
    }

    /** The name's log-likelihood ratio at a similarity: linear between the measured points, flat outside. */
    public static double nameLlr(double similarity) {
        if (similarity <= NAME_SIMILARITY[0]) {
            return NAME_LLR[0];
        }
        for (int i = 1; i < NAME_SIMILARITY.length; i++) {
            if (similarity <= NAME_SIMILARITY[i]) {
                double f = (similarity - NAME_SIMILARITY[i - 1]) / (NAME_SIMILARITY[i] - NAME_SIMILARITY[i - 1]);
                return NAME_LLR[i - 1] + f * (NAME_LLR[i] - NAME_LLR[i - 1]);
            }
        }
        return NAME_LLR[NAME_LLR.length - 1];
    }

    /** The score of a total: linear in the evidence, anchored on a name alone at {@link #ANCHOR}, within [0, 1]. */
    public static double score(double llr) {
        double score = ANCHOR + (llr - nameLlr(ANCHOR)) / NATS_PER_UNIT;
        return Math.max(0, Math.min(1, score));
    }

    private static ListedDocument listedDocument(PersonEntry entry, ScreeningQuery query) {
        if (query.documentNumber() == null || entry.documents().isEmpty()) {
            return null;
        }
        String number = DocumentEntry.normaliseNumber(query.documentNumber());
        for (ListedDocument document : entry.documents()) {
            boolean sameIssuer = document.issuingCountry() == null || query.issuingState() == null
                    || Countries.sameCountry(query.issuingState().toUpperCase(Locale.ROOT), document.issuingCountry());
            if (document.number().equals(number) && sameIssuer) {
                return document;
            }
        }
        return null;
    }

    private static String birthWords(BirthEvidence.Fit fit, PersonEntry entry, ScreeningQuery query) {
        String born = "birth date " + query.dateOfBirth();
        return switch (fit.evidence()) {
            case EXACT -> born + " matches listed " + fit.listed();
            case FITS -> born + " fits listed " + fit.listed();
            case ONE_DIGIT_OFF -> born + " is one digit off listed " + fit.listed();
            case NEAR_YEAR -> born + " is a year off listed " + fit.listed();
            case CONFLICT, CONFLICT_APPROXIMATE -> born + " conflicts with listed " + joined(entry.datesOfBirth());
            case UNKNOWN -> born;
        };
    }

    private static String joined(List<PartialDate> dates) {
        List<String> out = new ArrayList<>();
        dates.forEach(d -> out.add(d.toString()));
        return String.join(" or ", out);
    }

    static String signed(double llr) {
        return String.format(Locale.ROOT, "%+.1f", llr);
    }

    static String format(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }
}
