package org.ibex.watchlist;

import org.ibex.names.NameKey;
import org.ibex.names.NameMatcher;
import org.ibex.names.NameParser;
import org.ibex.names.NameScore;
import org.ibex.names.TokenKey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.Set;

/**
 * Listed persons by name: every name and alias is keyed once with the matcher, and an inverted index from
 * the matcher's blocking keys (and from the tokens' spellings, for typing errors) to names narrows a query to a
 * short list that the full scorer re-scores. A name is filed under every full birth date its person is listed
 * with; the documents listed for persons find them by number. Not thread-safe on its own: {@link ScreeningIndex} guards it with a read-write lock.
 */
final class PersonIndex {
    private final NameMatcher matcher;
    private final Map<String, Posting> postings = new HashMap<>();
    private final TokenSpellings spellings = new TokenSpellings();
    private final ListedDocuments documents = new ListedDocuments();
    private final Map<String, Integer> entryByKey = new HashMap<>();
    private PersonEntry[] entries = new PersonEntry[1024];
    private boolean[] withdrawn = new boolean[1024];
    private NameKey[] nameKeys = new NameKey[1024];
    private int[] nameEntry = new int[1024];
    private String[] nameText = new String[1024];
    private byte[] nameTokens = new byte[1024];
    private int entryCount;
    private int nameCount;
    private int live;
    private final NamesakePolicies namesakePolicies = new NamesakePolicies();
    private final ThreadLocal<CandidateScan.Marks> scratch = ThreadLocal.withInitial(CandidateScan.Marks::new);

    PersonIndex(NameMatcher matcher) {
        this.matcher = matcher;
    }

    /** A name keyed for the index: the matcher's work, done before the index is touched. */
    record Keyed(String name, NameKey key, List<Set<String>> keysByToken) {
    }

    void add(PersonEntry entry) {
        add(entry, keyed(entry));
    }

    /**
     * Keys the names of many entries on every core: keying is most of the cost of loading a list, and it
     * reads nothing of the index, so it runs before the write lock is taken.
     */
    List<List<Keyed>> keyAll(List<PersonEntry> entries) {
        return entries.parallelStream().map(this::keyed).toList();
    }

    /** Adds entries keyed by {@link #keyAll}, in order. */
    void addAll(List<PersonEntry> entries, List<List<Keyed>> keyed) {
        for (int i = 0; i < entries.size(); i++) {
            add(entries.get(i), keyed.get(i));
        }
        postings.values().forEach(Posting::compact);
        spellings.compact();
    }

    private List<Keyed> keyed(PersonEntry entry) {
        List<Keyed> out = new ArrayList<>(entry.names().size());
        for (String name : entry.names()) {
            if (name != null && !name.isBlank()) {
                NameKey key = matcher.key(name);
                out.add(new Keyed(name, key, matcher.blockingKeysByToken(key)));
            }
        }
        return out;
    }

    private void add(PersonEntry entry, List<Keyed> names) {
        String identity = entry.listId() + '\u0000' + entry.entryId();
        Integer previous = entryByKey.get(identity);
        if (previous != null) {
            withdraw(previous);
        }
        int index = entryCount++;
        if (index == entries.length) {
            entries = Arrays.copyOf(entries, index * 2);
            withdrawn = Arrays.copyOf(withdrawn, index * 2);
        }
        entries[index] = entry;
        entryByKey.put(identity, index);
        live++;
        for (Keyed name : names) {
            addName(index, name);
        }
        documents.add(index, entry.documents());
    }

    void removeList(String listId) {
        for (int i = 0; i < entryCount; i++) {
            if (!withdrawn[i] && entries[i].listId().equals(listId)) {
                withdraw(i);
                entryByKey.remove(listId + '\u0000' + entries[i].entryId());
            }
        }
        documents.removeIf(entry -> withdrawn[entry]);
    }

    /** Withdraws one entry, if indexed: its names stay filed, as a replaced entry's do, and are never scored. */
    void remove(String listId, String entryId) {
        Integer index = entryByKey.remove(listId + '\u0000' + entryId);
        if (index != null) {
            withdraw(index);
        }
    }

    int size() {
        return live;
    }

    /**
     * Ranked hits: the names the index gathers as candidates, scored, and the persons whose listed documents the
     * traveller shows, whatever the name.
     */
    List<WatchlistHit> screen(ScreeningQuery query, Map<String, Double> thresholds, LocalDate today, int limit,
                              Predicate<String> listInScope) {
        NameKey key = matcher.key(query.name());
        Map<Integer, WatchlistHit> best = new HashMap<>();
        IntList names = candidates(key, query, listInScope);
        for (int i = 0; i < names.size(); i++) {
            consider(key, names.get(i), query, thresholds, today, best);
        }
        for (ListedDocuments.Match match : documentMatches(query, listInScope)) {
            considerDocument(key, match, today, best);
        }
        return ranked(best, limit);
    }

    /**
     * The names the scorer sees for a query, through the blocking keys and the listed spellings one typing error
     * from the query's. With a birth date, a key yields only the names listed with the same date (any of their
     * dates), without a full date, or with a date one typing error away; the last need keys shared with two of the
     * query's tokens (when both names have two), because a million names hold many namesakes born a digit apart.
     * Without a birth date every name needs that. So a common surname alone does not make a candidate of every
     * bearer, and the costly scorer sees a short list; a typo in one token leaves the other tokens to count.
     */
    IntList candidates(NameKey key, ScreeningQuery query, Predicate<String> listInScope) {
        List<Set<String>> keysByToken = matcher.blockingKeysByToken(key);
        int keyed = keyedTokens(keysByToken);
        int queryTokens = Math.max(1, keyed);
        CandidateScan scan = new CandidateScan(query.dateOfBirth(), scratch.get(), nameCount);
        TokenKey[] tokens = key.tokens();
        IntList near = new IntList();
        int tokenCount = keysByToken.size();
        for (int t = 0; t < tokenCount; t++) {
            boolean keyless = keysByToken.get(t).isEmpty();
            // A particle or an initial is looked up by spelling only when nothing else in the name can be ("Das").
            if (keyless && keyed > 0) {
                continue;
            }
            // The joined form of a multi-token name stands for all its tokens at once.
            int bits = t == tokenCount - 1 && tokenCount > 1 ? TOKENS : 1 << Math.min(t, 29);
            for (String blockingKey : keysByToken.get(t)) {
                scan.read(postings.get(blockingKey), bits);
            }
            TokenKey token = t < tokens.length ? tokens[t] : NameParser.joined(List.of(tokens));
            near.clear();
            String[] sounds = keyless ? new String[0] : sounds(token);
            for (int v = 0; v < token.variantCount(); v++) {
                spellings.near(token.variant(v), sounds, near);
            }
            for (int i = 0; i < near.size(); i++) {
                scan.read(spellings.postingOf(near.get(i)), bits);
            }
        }
        IntList out = new IntList();
        for (int i = 0; i < scan.candidates().size(); i++) {
            int name = scan.candidates().get(i);
            int mask = scan.mask(name);
            int needed = (mask & SAME_DATE) != 0 ? 1 : Math.min(2, Math.min(queryTokens, nameTokens[name]));
            if (Integer.bitCount(mask & TOKENS) >= needed && !birthConflicts(nameEntry[name], query)
                    && listInScope.test(entries[nameEntry[name]].listId())) {
                out.add(name);
            }
        }
        return out;
    }

    /** The entries the index hands to the scorer for {@code query}, on every list: what tests check reach by. */
    Set<String> candidateEntries(ScreeningQuery query) {
        IntList names = candidates(matcher.key(query.name()), query, list -> true);
        Set<String> out = new java.util.HashSet<>();
        for (int i = 0; i < names.size(); i++) {
            if (!withdrawn[nameEntry[names.get(i)]]) {
                out.add(entries[nameEntry[names.get(i)]].entryId());
            }
        }
        documentMatches(query, list -> true).forEach(m -> out.add(entries[m.entry()].entryId()));
        return out;
    }

    /** The first sound classes of each spelling of a token: listed spellings alike in these share its keys. */
    private static String[] sounds(TokenKey token) {
        String[] out = new String[token.variantCount()];
        for (int v = 0; v < out.length; v++) {
            out[v] = TokenSpellings.sound(token.variant(v));
        }
        return out;
    }

    private static final int SAME_DATE = CandidateScan.SAME_DATE;
    private static final int TOKENS = CandidateScan.TOKENS;

    /**
     * Whether a candidate's listed birth dates rule it out: only when none fits, since lists give several as
     * alternatives. A candidate listed with full dates alone came through the dated postings, which hold only
     * compatible ones; one with a partial date (a year, a range) also came among the undated and is compared here.
     */
    private boolean birthConflicts(int entryIndex, ScreeningQuery query) {
        List<PartialDate> listed = entries[entryIndex].datesOfBirth();
        return query.dateOfBirth() != null && BirthDates.undatedToo(listed)
                && BirthDates.noneFits(listed, query.dateOfBirth());
    }

    /** Listed documents the traveller shows, on persons still listed and in scope. */
    private List<ListedDocuments.Match> documentMatches(ScreeningQuery query, Predicate<String> listInScope) {
        List<ListedDocuments.Match> out = new ArrayList<>();
        for (ListedDocuments.Match match : documents.find(query.documentNumber(), query.issuingState())) {
            if (!withdrawn[match.entry()] && listInScope.test(entries[match.entry()].listId())) {
                out.add(match);
            }
        }
        return out;
    }

    /**
     * A listed document shown makes a PERSON hit whatever the name says: 1.00 for the exact number, 0.95 for one
     * that differs only by characters OCR confuses (as a lost or stolen document scores), or the name hit's score
     * if higher; the explanation says which document and, for an OCR fold, to check the number by eye. A listed
     * number shown outweighs every other evidence ({@link EvidenceModel}'s document term alone passes any threshold),
     * so a namesake flag from the name's evidence does not survive it.
     */
    private void considerDocument(NameKey query, ListedDocuments.Match match, LocalDate today,
                                  Map<Integer, WatchlistHit> best) {
        PersonEntry entry = entries[match.entry()];
        if (!inForce(entry, today)) {
            return;
        }
        WatchlistHit byName = best.get(match.entry());
        double score = Math.max(match.exact() ? 1.0 : 0.95, byName == null ? 0 : byName.score());
        String matchedName = byName == null ? entry.primaryName() : byName.matchedName();
        String why = match.explanation() + "; " + (byName == null ? nameEvidence(query, entry) : byName.explanation());
        best.put(match.entry(), new WatchlistHit(WatchlistHit.Kind.PERSON, entry.listId(), entry.entryId(), score,
                entry.action(), matchedName, why, entry, null));
    }

    /** How the name given compares with the person's closest listed name, for a hit found by document. */
    private String nameEvidence(NameKey query, PersonEntry entry) {
        if (query.tokens().length == 0) {
            return "no name given; listed as \u00ab" + entry.primaryName() + "\u00bb";
        }
        NameScore closest = null;
        String closestName = entry.primaryName();
        for (String name : entry.names()) {
            NameScore score = matcher.score(query, matcher.key(name));
            if (closest == null || score.score() > closest.score()) {
                closest = score;
                closestName = name;
            }
        }
        return "listed as \u00ab" + closestName + "\u00bb; name " + String.format("%.2f", closest.score()) + ": "
                + closest.explanation();
    }

    /** Tokens that carry keys (particles and initials carry none); the joined form is not a token. */
    private static int keyedTokens(List<Set<String>> keysByToken) {
        int tokens = keysByToken.size() > 1 ? keysByToken.size() - 1 : keysByToken.size();
        int counted = 0;
        for (int t = 0; t < tokens; t++) {
            counted += keysByToken.get(t).isEmpty() ? 0 : 1;
        }
        return counted;
    }

    /** The same scorer over every listed name: the baseline the index is measured against. */
    List<WatchlistHit> screenAll(ScreeningQuery query, Map<String, Double> thresholds, LocalDate today, int limit) {
        NameKey key = matcher.key(query.name());
        Map<Integer, WatchlistHit> best = new HashMap<>();
        for (int name = 0; name < nameCount; name++) {
            consider(key, name, query, thresholds, today, best);
        }
        return ranked(best, limit);
    }

    /** Each list's namesake policy, set by {@link ScreeningIndex} with the list. */
    NamesakePolicies namesakePolicies() {
        return namesakePolicies;
    }

    /**
     * Weighs one listed name as evidence ({@link EvidenceModel}) and keeps the entry's best hit at or above its
     * list's threshold. A namesake (a strong name, every listed birth date in conflict) is scored without the
     * date and then shown flagged, alerts, or is dropped, as its list's policy says.
     */
    private void consider(NameKey query, int name, ScreeningQuery q, Map<String, Double> thresholds, LocalDate today,
                          Map<Integer, WatchlistHit> best) {
        int entryIndex = nameEntry[name];
        if (withdrawn[entryIndex]) {
            return;
        }
        PersonEntry entry = entries[entryIndex];
        if (!inForce(entry, today)) {
            return;
        }
        double threshold = thresholds.getOrDefault(entry.listId(), matcher.threshold());
        double similarity = matcher.similarity(query, nameKeys[name]);
        if (similarity < EvidenceModel.NAME_FLOOR && (q.documentNumber() == null || entry.documents().isEmpty())) {
            return;
        }
        EvidenceModel.Evidence evidence = EvidenceModel.weigh(similarity, entry, q, threshold);
        NamesakePolicy policy = namesakePolicies.of(entry.listId());
        if (evidence.namesake() && policy == NamesakePolicy.HIDE) {
            return;
        }
        double score = evidence.namesake() ? evidence.withoutBirth() : evidence.score();
        if (score < threshold) {
            return;
        }
        WatchlistHit previous = best.get(entryIndex);
        if (previous == null || previous.score() < score) {
            NameScore named = matcher.score(query, nameKeys[name]);
            String why = (evidence.namesake() ? evidence.namesakeNote() + (policy == NamesakePolicy.ALERT
                    ? " (this list alerts on namesakes); " : " (shown, not alerting: check the date); ") : "")
                    + "listed as \u00ab" + nameText[name] + "\u00bb; name " + String.format("%.2f", named.score())
                    + ": " + named.explanation() + "; " + evidence.explained()
                    + "; list threshold " + String.format("%.2f", threshold);
            best.put(entryIndex, new WatchlistHit(WatchlistHit.Kind.PERSON, entry.listId(), entry.entryId(), score,
                    entry.action(), nameText[name], why, entry, null,
                    evidence.namesake() && policy == NamesakePolicy.SHOW));
        }
    }

    private static boolean inForce(PersonEntry entry, LocalDate today) {
        return (entry.validFrom() == null || !entry.validFrom().isAfter(today))
                && (entry.validUntil() == null || !entry.validUntil().isBefore(today));
    }

    private static List<WatchlistHit> ranked(Map<Integer, WatchlistHit> best, int limit) {
        List<WatchlistHit> hits = new ArrayList<>(best.values());
        hits.sort((a, b) -> Double.compare(b.score(), a.score()));
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    private void addName(int entryIndex, Keyed keyed) {
        int index = nameCount++;
        if (index == nameKeys.length) {
            nameKeys = Arrays.copyOf(nameKeys, index * 2);
            nameEntry = Arrays.copyOf(nameEntry, index * 2);
            nameText = Arrays.copyOf(nameText, index * 2);
            nameTokens = Arrays.copyOf(nameTokens, index * 2);
        }
        nameKeys[index] = keyed.key();
        nameEntry[index] = entryIndex;
        nameText[index] = keyed.name();
        List<Set<String>> keysByToken = keyed.keysByToken();
        int keyedTokens = keyedTokens(keysByToken);
        nameTokens[index] = (byte) Math.min(120, Math.max(1, keyedTokens));
        List<PartialDate> dates = entries[entryIndex].datesOfBirth();
        int[] days = BirthDates.fullDays(dates);
        boolean undatedToo = BirthDates.undatedToo(dates);
        Set<String> distinct = new java.util.HashSet<>();
        keysByToken.forEach(distinct::addAll);
        for (String blockingKey : distinct) {
            postings.computeIfAbsent(blockingKey, k -> new Posting()).add(index, days, undatedToo);
        }
        // Particles and initials are filed by spelling only in a name of nothing else, which no key would reach.
        Set<String> spelled = new java.util.HashSet<>();
        for (TokenKey token : keyed.key().tokens()) {
            if (keyedTokens == 0 || !token.isParticle() && !token.isInitial()) {
                for (int v = 0; v < token.variantCount(); v++) {
                    spelled.add(token.variant(v));
                }
            }
        }
        for (String spelling : spelled) {
            spellings.posting(spelling, keyedTokens == 0).add(index, days, undatedToo);
        }
    }

    private void withdraw(int entryIndex) {
        if (!withdrawn[entryIndex]) {
            withdrawn[entryIndex] = true;
            live--;
        }
    }
}
