package org.ibex.screens;

import org.ibex.border.Assessment;
import org.ibex.border.Check;
import org.ibex.border.Crossing;
import org.ibex.border.Permit;
import org.ibex.border.Reason;
import org.ibex.border.StayStatus;
import org.ibex.border.SuppressedHit;
import org.ibex.border.TravelDocument;
import org.ibex.document.MrzIssue;
import org.ibex.document.MrzReading;
import org.ibex.document.MrzRepair;
import org.ibex.document.MrzSuggestion;
import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.WatchlistHit;

import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * What the domain found, in the officer's language: MRZ errors, repairs and suggestions, the decision's reasons and the
 * checks' details, each worded from the bundles by its structured data (rule and reason codes, check names and
 * outcomes, field names, expected and found values, the document's dates) and never from the domain's English
 * sentence. What has no code, or whose values the records do not hold, stays the domain's English, shown as data
 * with {@code lang="en"}; so does free text that is record content (a hit's explanation, a list keeper's reason).
 */
public final class InspectionWords {
    /**
     * One thing to say: {@code text} in the user's language (null when there is none), then {@code english}, the
     * domain's own words shown as data in {@code <bdi lang="en">} (null when there are none).
     */
    public record Word(String text, String english) {
        static Word of(String text) {
            return new Word(text, null);
        }

        static Word english(String english) {
            return new Word(null, english);
        }

        public boolean translated() {
            return text != null;
        }
    }

    /**
     * What the checks and reasons speak of: the document, the permit presented, the day the rules judged, the MRZ as
     * read, the hits that stand and those suppressed (in the rules' order), and the stay; any may be null or empty.
     */
    public record Facts(TravelDocument document, Permit permit, LocalDate date, MrzReading reading,
                        List<WatchlistHit> hits, List<SuppressedHit> suppressed, StayStatus stay) {
        public Facts {
            hits = hits == null ? List.of() : List.copyOf(hits);
            suppressed = suppressed == null ? List.of() : List.copyOf(suppressed);
        }

        /** An MRZ read, nothing assessed yet. */
        static Facts of(MrzReading reading) {
            return new Facts(null, null, null, reading, List.of(), List.of(), null);
        }

        static Facts of(Assessment a, MrzReading reading) {
            return new Facts(a.document(), null, a.date(), reading, a.hits(), a.suppressed(),
                    a.outcome() == null ? null : a.outcome().stay());
        }

        /** A recorded crossing: its hits and stay are not kept with it, so what speaks of them stays English. */
        static Facts of(Crossing c, MrzReading reading) {
            return new Facts(c.document(), c.permit(), c.localDate(), reading, List.of(), List.of(), null);
        }
    }

    private static final Facts NONE = new Facts(null, null, null, null, List.of(), List.of(), null);
    private final Texts t;
    private final Facts facts;

    public InspectionWords(Texts t, Facts facts) {
        this.t = t;
        this.facts = facts == null ? NONE : facts;
    }

    /** The MRZ alone, with nothing assessed. */
    public static InspectionWords of(Texts t) {
        return new InspectionWords(t, null);
    }

    /** An MRZ error: inspection.problem.&lt;rule&gt; with the field's name, then the values the domain names. */
    public Word problem(MrzIssue e) {
        String key = "inspection.problem." + e.rule();
        if (e.rule().equals("check-digit") && e.values().size() == 1) {
            key += ".uncomputable";
        }
        String field = field(e.field());
        if (field == null || !t.has(key) || e.values().isEmpty()) {
            return Word.english(e.message());
        }
        List<Object> args = new ArrayList<>();
        args.add(field);
        e.values().forEach(v -> args.add(ltr(v)));
        return Word.of(t.t(key, args.toArray()));
    }

    /** A repair the parser applied: inspection.repair.&lt;rule&gt; with the field, what it read and what it kept. */
    public Word repair(MrzRepair r) {
        String key = "inspection.repair." + r.rule();
        if (r.rule().equals("line-length")) {
            key += r.to().isEmpty() ? ".removed" : ".added";
        }
        String field = field(r.field());
        if (field == null || !t.has(key)) {
            return Word.english(r.message());
        }
        return Word.of(t.t(key, field, ltr(r.from()), ltr(r.to())));
    }

    /** A suggestion: one confusable character that would make the field's check digit pass. */
    public Word suggestion(MrzSuggestion s) {
        String field = field(s.field());
        if (field == null) {
            return Word.english(s.message());
        }
        return Word.of(t.t("inspection.suggestion.check-digit", field, ltr(s.original()), ltr(s.suggested())));
    }

    /**
     * MRZ characters inside a sentence, isolated left to right (U+2066 … U+2069), so an Arabic sentence does not
     * reorder a value such as {@code T50306428<<<}: the plain-text form of {@code <bdi dir="ltr">}.
     */
    static String ltr(String value) {
        return "\u2066" + value + "\u2069";
    }

    /** The field's name as the screen labels it (documentNumber, line2…), or null when the bundles have none. */
    private String field(String field) {
        String key = "inspection.field." + field;
        return field != null && t.has(key) ? t.t(key) : null;
    }

    /** Each reason's sentence, in the order given. */
    public List<Word> reasons(List<Reason> reasons) {
        List<Word> words = new ArrayList<>();
        int hit = 0;
        int suppressed = 0;
        for (Reason reason : reasons) {
            Word word = switch (reason.code()) {
                case "watchlist-hit", "document-listed" -> hitReason(reason, hit++);
                case "watchlist-hit-suppressed" -> suppressedReason(reason, suppressed++);
                default -> reason(reason);
            };
            words.add(word);
        }
        return words;
    }

    private Word reason(Reason reason) {
        TravelDocument d = facts.document();
        Permit p = facts.permit();
        String key = "inspection.reason." + reason.code() + ".text";
        if (AgencyWords.handles(key, t)) {
            return AgencyWords.word(key, reason.message(), t);
        }
        if (reason.code().equals("wanted-prints") && t.has(key)) {
            // Who is wanted and why is headquarters' record, kept as data; the sentence around it is in words.
            int colon = reason.message().indexOf(": ");
            return new Word(t.t(key), colon < 0 ? reason.message() : reason.message().substring(colon + 2));
        }
        Object[] args = switch (reason.code()) {
            case "mrz-invalid", "document-expiry-unknown", "fingerprints-inconclusive" -> new Object[0];
            case "document-expired" -> d == null || d.dateOfExpiry() == null ? null
                    : new Object[] {t.date(d.dateOfExpiry())};
            case "document-not-yet-valid" -> d == null || d.dateOfIssue() == null ? null
                    : new Object[] {t.date(d.dateOfIssue())};
            case "permit-not-yet-valid" -> p == null || p.validFrom() == null ? null
                    : new Object[] {p.type(), t.date(p.validFrom())};
            case "permit-expired" -> p == null || p.validUntil() == null ? null
                    : new Object[] {p.type(), t.date(p.validUntil())};
            case "minor" -> age() == null ? null : new Object[] {age()};
            default -> null;
        };
        return args == null || !t.has(key) ? Word.english(reason.message()) : Word.of(t.t(key, args));
    }

    /** The i-th hit reason speaks of the i-th standing hit: its action and entry in words, its explanation as data. */
    private Word hitReason(Reason reason, int index) {
        if (index >= facts.hits().size()) {
            return Word.english(reason.message());
        }
        WatchlistHit hit = facts.hits().get(index);
        return explained(t.t("inspection.reason.hit.text", t.t("inspection.action." + hit.action()),
                ltr(hit.listId() + "/" + hit.entryId())), hit);
    }

    /** A sentence in words followed by the hit's explanation: in words too when it has them, else as data. */
    private Word explained(String text, WatchlistHit hit) {
        Word why = explanation(hit);
        return why.translated() ? Word.of(text + " " + why.text()) : new Word(text, why.english());
    }

    /**
     * Why a hit matched. A listed document's reason is said in words from its entry (number, state, status, when and
     * by whom reported; an exact number scores 1, one that differs by OCR-confusable characters less); a person's
     * name match is the matcher's own English account of the names compared, kept as data.
     */
    public Word explanation(WatchlistHit hit) {
        DocumentEntry entry = hit.document();
        TravelDocument read = facts.document();
        if (hit.kind() != WatchlistHit.Kind.DOCUMENT || entry == null || entry.status() == null
                || entry.reportedOn() == null || entry.source() == null || read == null
                || read.documentNumber() == null) {
            return Word.english(hit.explanation());
        }
        String status = t.t("watchlist.status." + entry.status());
        String listed = DocumentEntry.normaliseNumber(entry.documentNumber());
        String number = DocumentEntry.normaliseNumber(read.documentNumber());
        String key = hit.score() >= 1.0 ? "inspection.hit.why.document" : "inspection.hit.why.confusable";
        return Word.of(t.t(key, ltr(number), ltr(String.valueOf(read.issuingState())), status,
                t.date(entry.reportedOn()), entry.source(), ltr(listed)));
    }

    private Word suppressedReason(Reason reason, int index) {
        if (index >= facts.suppressed().size()) {
            return Word.english(reason.message());
        }
        return Word.of(t.t("inspection.reason.watchlist-hit-suppressed.text", clearance(facts.suppressed().get(index))));
    }

    /** Each check's detail, in the order given. */
    public List<Word> checks(List<Check> checks) {
        List<Word> words = new ArrayList<>();
        int hit = 0;
        int suppressed = 0;
        for (Check check : checks) {
            Word word;
            if (check.name().equals("watchlists") && check.outcome() == Check.Outcome.FAIL) {
                word = hitCheck(check, hit++);
            } else if (check.name().equals("watchlists") && check.outcome() == Check.Outcome.WARN) {
                word = suppressedCheck(check, suppressed++);
            } else {
                word = check(check);
            }
            words.add(word);
        }
        return words;
    }

    private Word check(Check c) {
        TravelDocument d = facts.document();
        Permit p = facts.permit();
        String key = "inspection.check." + c.name() + "." + c.outcome();
        if (AgencyWords.handles(key, t)) {
            return AgencyWords.word(key, c.detail(), t);
        }
        if (key.equals("inspection.check.wanted-prints.FAIL") && t.has(key)) {
            return new Word(t.t(key), c.detail());
        }
        Object[] args = switch (key) {
            case "inspection.check.mrz.SKIPPED", "inspection.check.mrz.PASS", "inspection.check.document-expiry.WARN",
                 "inspection.check.watchlists.PASS", "inspection.check.fingerprints.SKIPPED",
                 "inspection.check.fingerprints.WARN" -> new Object[0];
            case "inspection.check.mrz.FAIL" -> mrzProblems();
            case "inspection.check.document-expiry.FAIL", "inspection.check.document-expiry.PASS" ->
                    d == null || d.dateOfExpiry() == null ? null : new Object[] {t.date(d.dateOfExpiry())};
            case "inspection.check.document-issue.FAIL" ->
                    d == null || d.dateOfIssue() == null ? null : new Object[] {t.date(d.dateOfIssue())};
            case "inspection.check.permit-validity.PASS" ->
                    p == null || facts.date() == null ? null : new Object[] {p.type(), t.date(facts.date())};
            case "inspection.check.minor.PASS", "inspection.check.minor.WARN" -> minorCheck();
            case "inspection.check.stay.PASS" -> facts.stay() != null && facts.stay().exempt() ? new Object[0] : null;
            default -> null;
        };
        if (key.equals("inspection.check.minor.WARN") && d != null && d.dateOfBirth() == null) {
            key = "inspection.check.minor.unknown";
            args = new Object[0];
        } else if (key.equals("inspection.check.stay.PASS")) {
            key = "inspection.check.stay.exempt";
        }
        return args == null || !t.has(key) ? Word.english(c.detail()) : Word.of(t.t(key, args));
    }

    private Object[] minorCheck() {
        Integer age = age();
        return age == null ? null : new Object[] {age};
    }

    /** The MRZ errors in words, when the reading is at hand and every one of them has its words. */
    private Object[] mrzProblems() {
        if (facts.reading() == null || facts.reading().errors().isEmpty()) {
            return null;
        }
        List<String> problems = new ArrayList<>();
        for (MrzIssue issue : facts.reading().errors()) {
            Word word = problem(issue);
            if (!word.translated()) {
                return null;
            }
            problems.add(word.text());
        }
        return new Object[] {String.join(t.t("inspection.separator"), problems)};
    }

    private Word hitCheck(Check check, int index) {
        if (index >= facts.hits().size()) {
            return Word.english(check.detail());
        }
        WatchlistHit hit = facts.hits().get(index);
        return explained(t.t("inspection.check.watchlists.FAIL", ltr(hit.listId() + "/" + hit.entryId()),
                t.number(Math.round(hit.score() * 100))), hit);
    }

    private Word suppressedCheck(Check check, int index) {
        if (index >= facts.suppressed().size()) {
            return Word.english(check.detail());
        }
        return Word.of(t.t("inspection.check.watchlists.WARN", clearance(facts.suppressed().get(index))));
    }

    /** A clearance in words: the entry, who cleared it, when, until when and its number. */
    private String clearance(SuppressedHit s) {
        return t.t("inspection.clearance", ltr(s.hit().listId() + "/" + s.hit().entryId()), s.clearedBy(),
                t.date(s.clearedAt().atOffset(ZoneOffset.UTC).toLocalDate()),
                t.date(s.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate()), String.valueOf(s.clearanceId()));
    }

    /** The traveller's age on the day the rules judged, as the minor rule counts it. */
    private Integer age() {
        TravelDocument d = facts.document();
        if (d == null || d.dateOfBirth() == null || facts.date() == null) {
            return null;
        }
        return Period.between(d.dateOfBirth(), facts.date()).getYears();
    }
}
