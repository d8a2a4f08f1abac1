package org.ibex.watchlist;

import org.ibex.access.Actor;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * One entry of a list changed by hand (the screens' add, edit and expire), each a new version of the list under
 * the rules of an import (see {@link ListKeeper}): only the list's keeper, every change audited with what it did.
 * A person entry expires by its validity ending yesterday, so screening stops today and the entry stays on record;
 * a document entry has no validity, so it is removed, which needs the number confirmed when it empties the list.
 */
public final class ListEdits {
    static final int MAX_REASON = 500;
    private final ListKeeper keeper;
    private final Clock clock;

    ListEdits(ListKeeper keeper, Clock clock) {
        this.keeper = keeper;
        this.clock = clock;
    }

    /** Adds a person entry; its id must be new in the list. */
    public ListKeeper.Outcome addPerson(PersonEntry entry, Actor actor) {
        return keeper.edit(entry.listId(), "add person/" + entry.entryId(), content -> {
            requireNew(content, "person", entry.entryId());
            List<PersonEntry> persons = new ArrayList<>(content.persons());
            persons.add(entry);
            return new ListSnapshot(persons, content.documents());
        }, null, actor);
    }

    /** Replaces a person entry of the same id. */
    public ListKeeper.Outcome updatePerson(PersonEntry entry, Actor actor) {
        return keeper.edit(entry.listId(), "edit person/" + entry.entryId(), content -> new ListSnapshot(
                replaced(content.persons(), entry.entryId(), PersonEntry::entryId, old -> entry),
                content.documents()), null, actor);
    }

    /** Ends a person entry's validity yesterday, with the reason on record. */
    public ListKeeper.Outcome expirePerson(String listId, String entryId, String reason, Actor actor) {
        String why = reason(reason);
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        return keeper.edit(listId, "expire person/" + entryId + " reason=" + why, content -> new ListSnapshot(
                replaced(content.persons(), entryId, PersonEntry::entryId, old -> old.withValidity(
                        old.validFrom() != null && old.validFrom().isAfter(yesterday) ? yesterday : old.validFrom(),
                        yesterday)), content.documents()), null, actor);
    }

    /** Adds a document entry; its id must be new in the list. */
    public ListKeeper.Outcome addDocument(DocumentEntry entry, Actor actor) {
        return keeper.edit(entry.listId(), "add document/" + entry.entryId(), content -> {
            requireNew(content, "document", entry.entryId());
            List<DocumentEntry> documents = new ArrayList<>(content.documents());
            documents.add(entry);
            return new ListSnapshot(content.persons(), documents);
        }, null, actor);
    }

    /** Replaces a document entry of the same id. */
    public ListKeeper.Outcome updateDocument(DocumentEntry entry, Actor actor) {
        return keeper.edit(entry.listId(), "edit document/" + entry.entryId(), content -> new ListSnapshot(
                content.persons(), replaced(content.documents(), entry.entryId(), DocumentEntry::entryId,
                old -> entry)), null, actor);
    }

    /**
     * Removes a document entry (a found document), with the reason on record; {@code confirmRemoval} as an import
     * asks it when this empties the list or removes most of it.
     */
    public ListKeeper.Outcome removeDocument(String listId, String entryId, String reason, Integer confirmRemoval,
                                             Actor actor) {
        String why = reason(reason);
        return keeper.edit(listId, "remove document/" + entryId + " reason=" + why, content -> {
            List<DocumentEntry> documents = new ArrayList<>(content.documents());
            if (!documents.removeIf(d -> d.entryId().equals(entryId))) {
                throw unknown(listId, entryId);
            }
            return new ListSnapshot(content.persons(), documents);
        }, confirmRemoval, actor);
    }

    private static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidEntryException("reason", RowError.REQUIRED, "a reason is required: it goes to the audit log");
        }
        String flat = reason.strip().replaceAll("\\p{Cntrl}+", " ");
        if (flat.length() > MAX_REASON) {
            throw new InvalidEntryException("reason", RowError.TOO_LONG, "a reason is at most " + MAX_REASON
                    + " characters (got " + flat.length() + ")");
        }
        return flat;
    }

    private static void requireNew(ListSnapshot content, String kind, String entryId) {
        boolean taken = content.persons().stream().anyMatch(p -> p.entryId().equals(entryId))
                || content.documents().stream().anyMatch(d -> d.entryId().equals(entryId));
        if (taken) {
            throw new InvalidEntryException("entryId", "duplicate", "the list already has an entry '" + entryId
                    + "'; choose another id or edit that entry");
        }
    }

    private static <T> List<T> replaced(List<T> entries, String entryId, java.util.function.Function<T, String> id,
                                        UnaryOperator<T> change) {
        List<T> result = new ArrayList<>(entries);
        for (int i = 0; i < result.size(); i++) {
            if (id.apply(result.get(i)).equals(entryId)) {
                result.set(i, change.apply(result.get(i)));
                return result;
            }
        }
        throw new InvalidEntryException("entryId", "unknown", "the list has no such entry '" + entryId + "'");
    }

    private static InvalidEntryException unknown(String listId, String entryId) {
        return new InvalidEntryException("entryId", "unknown", "list '" + listId + "' has no entry '" + entryId + "'");
    }
}
