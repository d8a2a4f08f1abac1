package org.ibex.watchlist;

import org.ibex.names.NameMatcher;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The in-memory screening index of all lists: persons by name and documents by number. Queries run in
 * parallel; updates (a list replaced, an entry added) take the write lock briefly. Built at start from the
 * keyed lists kept beside the database ({@link KeyedListFiles}), or from the database where those are not good.
 */
public final class ScreeningIndex {
    private final NameMatcher matcher;
    private final Clock clock;
    private final PersonIndex persons;
    private final DocumentIndex documents = new DocumentIndex();
    private final Map<String, Double> thresholds = new HashMap<>();
    /** The post a list belongs to; national lists are absent. */
    private final Map<String, String> postOfList = new HashMap<>();
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final KeyedListFiles files;

    /** An index in memory only: nothing is kept for the next start. */
    public ScreeningIndex(NameMatcher matcher, Clock clock) {
        this(matcher, clock, KeyedListFiles.none());
    }

    private ScreeningIndex(NameMatcher matcher, Clock clock, KeyedListFiles files) {
        this.matcher = matcher;
        this.clock = clock;
        this.persons = new PersonIndex(matcher);
        this.files = files;
    }

    /** Loads every list and entry from the database, keying every name. */
    public static ScreeningIndex load(WatchlistRepository repository, NameMatcher matcher, Clock clock) {
        return load(repository, matcher, clock, KeyedListFiles.none());
    }

    /**
     * Loads every list and entry: persons from the keyed files where they are good for the lists as stored (no
     * name keyed again), from the database elsewhere; and keeps each list's keyed form in {@code files} after
     * every change, for the next start.
     */
    public static ScreeningIndex load(WatchlistRepository repository, NameMatcher matcher, Clock clock,
                                      KeyedListFiles files) {
        ScreeningIndex index = new ScreeningIndex(matcher, clock, files);
        List<String> listIds = new ArrayList<>();
        repository.records().forEach(record -> {
            index.setList(record.info());
            index.setPost(record.info().id(), record.postId());
            listIds.add(record.info().id());
        });
        List<PersonEntry> persons = new ArrayList<>();
        List<List<PersonIndex.Keyed>> keyed = new ArrayList<>();
        for (KeyedList list : new KeyedLoad(repository, files, index.persons::keyAll).lists(listIds)) {
            persons.addAll(list.entries());
            keyed.addAll(list.keyed());
        }
        index.write(() -> index.persons.addAll(persons, keyed));
        repository.eachDocument(index::add);
        return index;
    }

    /** For each list, how the last start got it: {@code read} from its keyed file, or why the file was not used. */
    public Map<String, String> startReads() {
        return files.lastReads();
    }

    public NameMatcher matcher() {
        return matcher;
    }

    public void setList(WatchlistInfo info) {
        write(() -> {
            thresholds.put(info.id(), info.matchThresholdPercent() / 100.0);
            persons.namesakePolicies().set(info.id(), info.namesakes());
        });
    }

    /** Where a list applies: a post's own list screens travellers at that post only; null makes it national. */
    public void setPost(String listId, String postId) {
        write(() -> {
            if (postId == null) {
                postOfList.remove(listId);
            } else {
                postOfList.put(listId, postId);
            }
        });
    }

    public void add(PersonEntry entry) {
        write(() -> persons.add(entry));
    }

    public void add(DocumentEntry entry) {
        write(() -> documents.add(entry));
    }

    /**
     * Swaps a list's entries for new ones, as the database did in one transaction, and keeps the list keyed for the
     * next start (after the swap: screening does not wait for the file).
     */
    public void replaceList(WatchlistInfo info, List<PersonEntry> people, List<DocumentEntry> docs) {
        List<List<PersonIndex.Keyed>> keyed = persons.keyAll(people);
        write(() -> {
            thresholds.put(info.id(), info.matchThresholdPercent() / 100.0);
            persons.namesakePolicies().set(info.id(), info.namesakes());
            persons.removeList(info.id());
            documents.removeList(info.id());
            persons.addAll(people, keyed);
            docs.forEach(documents::add);
        });
        files.write(info.id(), people, keyed);
    }

    /**
     * Applies a list's change in place, as the database did in one transaction: the entries named removed go, the
     * entries given are added or replace the entry of the same id, and the rest stay as indexed (only the entries
     * given are keyed). Keeps no keyed file: a change inside a transaction not yet committed cannot stamp one (the
     * stamp is read from the database), so the next start keys the list from the database.
     */
    public void applyChanges(WatchlistInfo info, List<String> removedPersons, List<PersonEntry> people,
                             List<String> removedDocuments, List<DocumentEntry> docs) {
        List<List<PersonIndex.Keyed>> keyed = persons.keyAll(people);
        java.util.Set<String> replacedDocuments = new java.util.HashSet<>(removedDocuments);
        docs.forEach(d -> replacedDocuments.add(d.entryId()));
        write(() -> {
            thresholds.put(info.id(), info.matchThresholdPercent() / 100.0);
            persons.namesakePolicies().set(info.id(), info.namesakes());
            removedPersons.forEach(id -> persons.remove(info.id(), id));
            persons.addAll(people, keyed);
            documents.remove(info.id(), replacedDocuments);
            docs.forEach(documents::add);
        });
    }

    public int personCount() {
        return read(persons::size);
    }

    public int documentCount() {
        return read(documents::size);
    }

    /** Hits on every list, strongest first: document hits, then persons through the index (operator, benchmarks). */
    public List<WatchlistHit> screen(ScreeningQuery query, int limit) {
        return screen(query, limit, list -> true);
    }

    /**
     * Hits for a traveller at {@code postId}: national lists and that post's own. Another post's list neither
     * stops the traveller here nor shows its entries to this post's officers.
     */
    public List<WatchlistHit> screenAtPost(ScreeningQuery query, int limit, String postId) {
        return screen(query, limit, list -> {
            String owner = postOfList.get(list);
            return owner == null || owner.equals(postId);
        });
    }

    private List<WatchlistHit> screen(ScreeningQuery query, int limit, Predicate<String> listInScope) {
        LocalDate today = LocalDate.now(clock);
        return read(() -> {
            List<WatchlistHit> hits = new ArrayList<>();
            for (WatchlistHit hit : documents.screen(query.documentNumber(), query.issuingState(), today)) {
                if (listInScope.test(hit.listId())) {
                    hits.add(hit);
                }
            }
            // A listed person's own passport finds him even when the name given is another.
            if (!blank(query.name()) || !blank(query.documentNumber())) {
                hits.addAll(persons.screen(query, thresholds, today, limit, listInScope));
                hits.addAll(namesakesAlerting(query, today, limit, listInScope, hits));
            }
            return hits;
        });
    }

    /**
     * On a list whose policy alerts on namesakes, a traveller born on another day than every listed date must still
     * be found: the index gathers candidates by birth date, so these lists are asked again without it.
     */
    private List<WatchlistHit> namesakesAlerting(ScreeningQuery query, LocalDate today, int limit,
                                                 Predicate<String> listInScope, List<WatchlistHit> found) {
        if (query.dateOfBirth() == null || !persons.namesakePolicies().anyAlerts()) {
            return List.of();
        }
        ScreeningQuery undated = new ScreeningQuery(query.name(), null, query.nationality(), query.sex(),
                query.documentNumber(), query.issuingState());
        List<WatchlistHit> out = new ArrayList<>();
        for (WatchlistHit hit : persons.screen(undated, thresholds, today, limit,
                list -> listInScope.test(list) && persons.namesakePolicies().alerts(list))) {
            boolean known = found.stream().anyMatch(h -> h.listId().equals(hit.listId())
                    && h.entryId().equals(hit.entryId()));
            if (!known) {
                out.add(new WatchlistHit(hit.kind(), hit.listId(), hit.entryId(), hit.score(), hit.action(),
                        hit.matchedName(), hit.explanation() + "; born " + query.dateOfBirth() + ", listed born "
                        + hit.person().datesOfBirth() + ": a namesake, and this list alerts on namesakes", hit.person(),
                        null));
            }
        }
        return out;
    }

    /** Persons only, scanning every name with the same scorer: the baseline for benchmarks and tests. */
    public List<WatchlistHit> screenBruteForce(ScreeningQuery query, int limit) {
        LocalDate today = LocalDate.now(clock);
        return read(() -> persons.screenAll(query, thresholds, today, limit));
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        lock.readLock().lock();
        try {
            return work.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable work) {
        lock.writeLock().lock();
        try {
            work.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
