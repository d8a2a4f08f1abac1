package org.ibex.watchlist;

import org.ibex.names.NameKey;
import org.ibex.names.NameMatcher;
import org.ibex.names.NameScore;

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
 * the matcher's blocking keys to names narrows a query to a short list that the full scorer re-scores.
 * Not thread-safe on its own: {@link ScreeningIndex} guards it with a read-write lock.
 */
final class PersonIndex {
    private final NameMatcher matcher;
    private final Map<String, Posting> postings = new HashMap<>();
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
    /** Lists whose namesake policy is not the default {@link NamesakePolicy#SHOW}. */
    private final Map<String, NamesakePolicy> namesakePolicies = new HashMap<>();
    // Per-thread scratch marks for de-duplicating candidates; a stamp avoids clearing the array per query.
    private final ThreadLocal<Scratch> scratch = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        int[] seen = new int[0];
        int[] mask = new int[0];
        int stamp;
    }

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
    }

    void removeList(String listId) {
        for (int i = 0; i < entryCount; i++) {
            if (!withdrawn[i] && entries[i].listId().equals(listId)) {
                withdraw(i);
                entryByKey.remove(listId + '\u0000' + entries[i].entryId());
            }
        }
    }

    int size() {
        return live;
    }

    /**
     * Ranked hits through the blocking keys: the fast path. With a birth date, a key yields only the names
     * listed with the same date, without a full date, or with a date one typing error away; the last need keys
     * shared with two of the query's tokens (when both names have two), because a million names hold many
     * namesakes born a digit apart. Without a birth date every name needs that. So a common surname alone
     * does not make a candidate of every bearer, and the costly scorer sees a short list.
     */
    List<WatchlistHit> screen(ScreeningQuery query, Map<String, Double> thresholds, LocalDate today, int limit,
                              Predicate<String> listInScope) {
        NameKey key = matcher.key(query.name());
        List<Set<String>> keysByToken = matcher.blockingKeysByToken(key);
        int queryTokens = countTokens(keysByToken);
        int[] exact = query.dateOfBirth() == null ? null : new int[]{(int) query.dateOfBirth().toEpochDay()};
        int[] near = query.dateOfBirth() == null ? null : BirthDates.neighbours(query.dateOfBirth());
        Scratch marks = scratch.get();
        if (marks.seen.length < nameCount) {
            marks.seen = new int[nameCount + nameCount / 4 + 16];
            marks.mask = new int[marks.seen.length];
        }
        int stamp = ++marks.stamp;
        IntList candidates = new IntList();
        IntList found = new IntList();
        int tokenCount = keysByToken.size();
        for (int t = 0; t < tokenCount; t++) {
            // The joined form of a multi-token name stands for all its tokens at once.
            int bits = t == tokenCount - 1 && tokenCount > 1 ? TOKENS : 1 << Math.min(t, 29);
            for (String blockingKey : keysByToken.get(t)) {
                Posting posting = postings.get(blockingKey);
                if (posting == null) {
                    continue;
                }
                if (exact == null) {
                    found.clear();
                    posting.all(found);
                    mark(found, bits, stamp, marks, candidates);
                } else {
                    found.clear();
                    posting.compatible(exact, true, found);
                    mark(found, bits | SAME_DATE, stamp, marks, candidates);
                    found.clear();
                    posting.compatible(near, false, found);
                    mark(found, bits, stamp, marks, candidates);
                }
            }
        }
        Map<Integer, WatchlistHit> best = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            int name = candidates.get(i);
            int mask = marks.mask[name];
            int needed = (mask & SAME_DATE) != 0 ? 1 : Math.min(2, Math.min(queryTokens, nameTokens[name]));
            if (Integer.bitCount(mask & TOKENS) >= needed && !birthConflicts(nameEntry[name], query)
                    && listInScope.test(entries[nameEntry[name]].listId())) {
                consider(key, name, query, thresholds, today, best);
            }
        }
        return ranked(best, limit);
    }

    /** Bit set on a candidate found under the traveller's own birth date (or listed without a full one). */
    private static final int SAME_DATE = 1 << 30;
    private static final int TOKENS = SAME_DATE - 1;

    private static void mark(IntList found, int bits, int stamp, Scratch marks, IntList candidates) {
        for (int i = 0; i < found.size(); i++) {
            int name = found.get(i);
            if (marks.seen[name] != stamp) {
                marks.seen[name] = stamp;
                marks.mask[name] = 0;
                candidates.add(name);
            }
            marks.mask[name] |= bits;
        }
    }

    /**
     * Whether a candidate's listed birth date rules it out. Full dates need no check: the postings gave only
     * compatible ones. Partial dates (a year, a range) came without a date filter and are compared here.
     */
    private boolean birthConflicts(int entryIndex, ScreeningQuery query) {
        PartialDate listed = entries[entryIndex].dateOfBirth();
        return query.dateOfBirth() != null && listed != null && !BirthDates.isFull(listed)
                && listed.compareTo(query.dateOfBirth()) == PartialDate.Compatibility.CONFLICT;
    }

    /** Tokens that carry keys (particles and initials carry none); the joined form is not a token. */
    private static int countTokens(List<Set<String>> keysByToken) {
        int tokens = keysByToken.size() > 1 ? keysByToken.size() - 1 : keysByToken.size();
        int counted = 0;
        for (int t = 0; t < tokens; t++) {
            counted += keysByToken.get(t).isEmpty() ? 0 : 1;
        }
        return Math.max(1, counted);
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

    /** What a list does with namesakes (see {@link NamesakePolicy}). */
    void namesakes(String listId, NamesakePolicy policy) {
        if (policy == NamesakePolicy.SHOW) {
            namesakePolicies.remove(listId);
        } else {
            namesakePolicies.put(listId, policy);
        }
    }

    boolean anyAlertsOnNamesakes() {
        return namesakePolicies.containsValue(NamesakePolicy.ALERT);
    }

    boolean alertsOnNamesakes(String listId) {
        return namesakePolicies.get(listId) == NamesakePolicy.ALERT;
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
        NamesakePolicy policy = namesakePolicies.getOrDefault(entry.listId(), NamesakePolicy.SHOW);
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
        nameTokens[index] = (byte) Math.min(120, countTokens(keysByToken));
        Integer birthDay = BirthDates.fullDate(entries[entryIndex].dateOfBirth());
        Set<String> distinct = new java.util.HashSet<>();
        keysByToken.forEach(distinct::addAll);
        for (String blockingKey : distinct) {
            postings.computeIfAbsent(blockingKey, k -> new Posting()).add(index, birthDay);
        }
    }

    private void withdraw(int entryIndex) {
        if (!withdrawn[entryIndex]) {
            withdrawn[entryIndex] = true;
            live--;
        }
    }
}
