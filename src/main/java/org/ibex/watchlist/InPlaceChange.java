package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A delta laid over a list's stored content: the whole content after it (what the new version records), and only
 * what differs, for the rows and the screening index to follow without rewriting the list. Entries come as the
 * database keeps them ({@link WatchlistRepository#asStored}), so an upsert equal to the stored entry changes nothing.
 *
 * @param after            the list's content after the delta: entries kept in their stored order, new ones after
 * @param gone             the rows to delete: entries removed, and entries changed (inserted again as they are now)
 * @param persons          person entries added or changed, as they are now
 * @param documents        document entries added or changed, as they are now
 * @param removedPersons   ids of person entries the list no longer holds
 * @param removedDocuments ids of document entries the list no longer holds
 */
record InPlaceChange(ListSnapshot after, WatchlistRepository.Gone gone, List<PersonEntry> persons,
                     List<DocumentEntry> documents, List<String> removedPersons, List<String> removedDocuments) {
    static final String PERSON = "person:";
    static final String DOCUMENT = "document:";

    /**
     * Applies {@code removed} (entry keys {@code person:ID} and {@code document:ID}; others and keys not held are
     * ignored) and then {@code upserts} to {@code before}, as a whole-content rewrite would.
     */
    static InPlaceChange of(ListSnapshot before, ListSnapshot upserts, List<String> removed) {
        Map<String, PersonEntry> persons = new LinkedHashMap<>();
        before.persons().forEach(p -> persons.put(p.entryId(), p));
        Map<String, DocumentEntry> documents = new LinkedHashMap<>();
        before.documents().forEach(d -> documents.put(d.entryId(), d));
        for (String key : removed) {
            if (key.startsWith(PERSON)) {
                persons.remove(key.substring(PERSON.length()));
            } else if (key.startsWith(DOCUMENT)) {
                documents.remove(key.substring(DOCUMENT.length()));
            }
        }
        Set<String> touchedPersons = new LinkedHashSet<>();
        for (PersonEntry p : upserts.persons()) {
            persons.put(p.entryId(), WatchlistRepository.asStored(p));
            touchedPersons.add(p.entryId());
        }
        Set<String> touchedDocuments = new LinkedHashSet<>();
        for (DocumentEntry d : upserts.documents()) {
            documents.put(d.entryId(), WatchlistRepository.asStored(d));
            touchedDocuments.add(d.entryId());
        }
        Side<PersonEntry> personSide = side(before.persons().stream().map(PersonEntry::entryId).toList(),
                before.persons(), persons, touchedPersons);
        Side<DocumentEntry> documentSide = side(before.documents().stream().map(DocumentEntry::entryId).toList(),
                before.documents(), documents, touchedDocuments);
        return new InPlaceChange(new ListSnapshot(new ArrayList<>(persons.values()), new ArrayList<>(documents.values())),
                new WatchlistRepository.Gone(personSide.gone(), documentSide.gone()), personSide.now(),
                documentSide.now(), personSide.removed(), documentSide.removed());
    }

    /** One kind of entry: rows to delete, entries to insert, and ids no longer held. */
    private record Side<E>(List<String> gone, List<E> now, List<String> removed) {
    }

    private static <E> Side<E> side(List<String> ids, List<E> before, Map<String, E> after, Set<String> touched) {
        Map<String, E> held = new LinkedHashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            held.put(ids.get(i), before.get(i));
        }
        List<String> gone = new ArrayList<>();
        List<String> removed = new ArrayList<>();
        held.forEach((id, entry) -> {
            E now = after.get(id);
            if (now == null) {
                gone.add(id);
                removed.add(id);
            } else if (!now.equals(entry)) {
                gone.add(id);
            }
        });
        List<E> now = new ArrayList<>();
        for (String id : touched) {
            E entry = after.get(id);
            if (entry != null && !entry.equals(held.get(id))) {
                now.add(entry);
            }
        }
        return new Side<>(gone, now, removed);
    }
}
