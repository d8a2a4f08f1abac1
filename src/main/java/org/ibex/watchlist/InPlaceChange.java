package org.ibex.watchlist;

import java.util.ArrayList;
import java.util.HashMap;
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
 * @param after the list's content after the delta: entries kept in their stored order, new ones after
 * @param rows  the entries removed (by id), changed and added: what the rows and the index take in
 */
record InPlaceChange(ListSnapshot after, WatchlistRepository.Changes rows) {
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
                new WatchlistRepository.Changes(personSide.removed(), documentSide.removed(), personSide.changed(),
                        documentSide.changed(), personSide.added(), documentSide.added()));
    }

    /**
     * What makes {@code after} (entries as stored) of {@code before}, as rows: empty when {@code after} holds an
     * entry id twice, which only rewriting the list reports (as its key's violation).
     */
    static java.util.Optional<InPlaceChange> between(ListSnapshot before, ListSnapshot after) {
        Set<String> personIds = new LinkedHashSet<>();
        Set<String> documentIds = new LinkedHashSet<>();
        Map<String, PersonEntry> persons = new LinkedHashMap<>();
        for (PersonEntry p : after.persons()) {
            if (!personIds.add(p.entryId())) {
                return java.util.Optional.empty();
            }
            persons.put(p.entryId(), p);
        }
        Map<String, DocumentEntry> documents = new LinkedHashMap<>();
        for (DocumentEntry d : after.documents()) {
            if (!documentIds.add(d.entryId())) {
                return java.util.Optional.empty();
            }
            documents.put(d.entryId(), d);
        }
        Side<PersonEntry> personSide = side(before.persons().stream().map(PersonEntry::entryId).toList(),
                before.persons(), persons, personIds);
        Side<DocumentEntry> documentSide = side(before.documents().stream().map(DocumentEntry::entryId).toList(),
                before.documents(), documents, documentIds);
        return java.util.Optional.of(new InPlaceChange(after, new WatchlistRepository.Changes(personSide.removed(),
                documentSide.removed(), personSide.changed(), documentSide.changed(), personSide.added(),
                documentSide.added())));
    }

    /** Person entries added or changed: what the screening index keys and files again. */
    List<PersonEntry> upsertedPersons() {
        return concat(rows.changedPersons(), rows.addedPersons());
    }

    /** Document entries added or changed. */
    List<DocumentEntry> upsertedDocuments() {
        return concat(rows.changedDocuments(), rows.addedDocuments());
    }

    private static <E> List<E> concat(List<E> a, List<E> b) {
        List<E> out = new ArrayList<>(a.size() + b.size());
        out.addAll(a);
        out.addAll(b);
        return out;
    }

    /** One kind of entry: ids no longer held, entries held and now different, entries new to the list. */
    private record Side<E>(List<String> removed, List<E> changed, List<E> added) {
    }

    private static <E> Side<E> side(List<String> ids, List<E> before, Map<String, E> after, Set<String> touched) {
        Map<String, E> held = new HashMap<>();
        List<String> removed = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            held.put(ids.get(i), before.get(i));
            if (!after.containsKey(ids.get(i))) {
                removed.add(ids.get(i));
            }
        }
        List<E> changed = new ArrayList<>();
        List<E> added = new ArrayList<>();
        for (String id : touched) {
            E entry = after.get(id);
            E earlier = held.get(id);
            if (earlier == null) {
                added.add(entry);
            } else if (!entry.equals(earlier)) {
                changed.add(entry);
            }
        }
        return new Side<>(removed, changed, added);
    }
}
