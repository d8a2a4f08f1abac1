package org.ibex.watchlist;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * National lists as headquarters ships them to its posts and a post takes them in: a version's whole content as
 * JSON rows, the changes between two versions (entries upserted, entry keys removed), and, at the post, either made
 * the list's content as a new local version in the caller's transaction with the screening index following. Entry
 * keys are {@code person:ID} and {@code document:ID}. A post's own list is never written from here.
 */
public final class ListReplicas {
    private final WatchlistRepository repository;
    private final ListVersions versions = new ListVersions();
    private final ScreeningIndex index;

    public ListReplicas(WatchlistRepository repository, ScreeningIndex index) {
        this.repository = repository;
        this.index = index;
    }

    /** A national list and its latest version (0 for a list stored before lists had versions). */
    public record Head(WatchlistInfo info, int version) {
    }

    /**
     * What a delta carries: the entries added or changed, as rows, and the keys of those removed; {@code entries} is
     * the size of the list after it.
     */
    public record Delta(JsonNode upserts, List<String> removed, int changes, int entries) {
    }

    /** What taking in a copy did to the post's list. */
    public record Applied(int version, int persons, int documents, ListChange change) {
    }

    /** Every national list (kept by headquarters' list managers, no post) with its latest version. */
    public List<Head> nationalHeads(Connection connection) throws SQLException {
        List<ListRecord> national;
        try (PreparedStatement select = connection.prepareStatement("SELECT id FROM watchlist WHERE post_id IS NULL"
                + " ORDER BY id")) {
            national = new ArrayList<>();
            for (String id : Sql.list(select, row -> row.getString(1))) {
                repository.find(connection, id).ifPresent(national::add);
            }
        }
        List<Head> heads = new ArrayList<>();
        for (ListRecord list : national) {
            heads.add(new Head(list.info(), versions.latest(connection, list.info().id())));
        }
        return heads;
    }

    /** The list's rows at {@code version}; version 0 (no versions yet) reads the content stored now. */
    public Optional<JsonNode> rows(Connection connection, String listId, int version) throws SQLException {
        return content(connection, listId, version).map(ListSnapshot::toTree);
    }

    /** How many entries a version holds, for the copy's record. */
    public static int size(JsonNode rows) {
        return rows.path("persons").size() + rows.path("documents").size();
    }

    /** The changes from version {@code from} to {@code to}; empty when either is no longer held. */
    public Optional<Delta> delta(Connection connection, String listId, int from, int to) throws SQLException {
        Optional<ListSnapshot> before = from == 0 ? Optional.empty() : content(connection, listId, from);
        Optional<ListSnapshot> after = content(connection, listId, to);
        if (before.isEmpty() || after.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> old = keyed(before.get());
        List<PersonEntry> persons = new ArrayList<>();
        List<DocumentEntry> documents = new ArrayList<>();
        Set<String> kept = new HashSet<>();
        for (PersonEntry p : after.get().persons()) {
            kept.add(key(p));
            if (!p.equals(old.get(key(p)))) {
                persons.add(p);
            }
        }
        for (DocumentEntry d : after.get().documents()) {
            kept.add(key(d));
            if (!d.equals(old.get(key(d)))) {
                documents.add(d);
            }
        }
        List<String> removed = old.keySet().stream().filter(k -> !kept.contains(k)).sorted().toList();
        return Optional.of(new Delta(new ListSnapshot(persons, documents).toTree(), removed,
                persons.size() + documents.size() + removed.size(),
                after.get().persons().size() + after.get().documents().size()));
    }

    /** Whether {@code listId} is a post's own list here: a copy from headquarters must never replace it. */
    public boolean isPostList(Connection connection, String listId) throws SQLException {
        return repository.find(connection, listId).map(l -> !l.national()).orElse(false);
    }

    /**
     * Makes {@code rows} the whole content of national list {@code info} at this post, as a new version made by
     * {@code publisher}. Rows that break an entry's rules throw IllegalArgumentException naming the field.
     */
    public Applied applySnapshot(Connection connection, WatchlistInfo info, JsonNode rows, String publisher,
                                 Instant now) throws SQLException {
        ListSnapshot content = ListSnapshot.fromTree(info.id(), rows);
        return store(connection, info, content, publisher, now);
    }

    /**
     * Applies a delta's upserts and removals to the list's content here, as a new version made by {@code publisher}:
     * in place, only the rows and index entries of entries that change are written, while the version still
     * records the whole content after it, exactly as a rewrite of the whole list would.
     */
    public Applied applyDelta(Connection connection, WatchlistInfo info, JsonNode upserts, List<String> removed,
                              String publisher, Instant now) throws SQLException {
        ListSnapshot changes = ListSnapshot.fromTree(info.id(), upserts);
        repository.lockedFind(connection, info.id());
        ListSnapshot before = repository.content(connection, info.id());
        InPlaceChange delta = InPlaceChange.of(before, changes, removed);
        ListSnapshot content = delta.after();
        ListChange change = ListChange.between(before, content);
        int version = versions.latest(connection, info.id()) + 1;
        repository.change(connection, new ListRecord(info, null), delta.rows(), now);
        versions.insert(connection, new ListVersion(info.id(), version, now, publisher, "reference", null,
                content.persons().size(), content.documents().size(), change.added(), change.removed(),
                change.changed()), content);
        // As in store(): the index follows in the message's transaction; handled again after a failed commit, the
        // same delta leaves the index as it was (removals and upserts by entry id).
        index.setPost(info.id(), null);
        index.applyChanges(info, delta.rows().removedPersons(), delta.upsertedPersons(),
                delta.rows().removedDocuments(), delta.upsertedDocuments());
        return new Applied(version, content.persons().size(), content.documents().size(), change);
    }

    private Applied store(Connection connection, WatchlistInfo info, ListSnapshot given, String publisher,
                          Instant now) throws SQLException {
        ListRecord list = new ListRecord(info, null);
        ListSnapshot content = new ListSnapshot(given.persons().stream().map(WatchlistRepository::asStored).toList(),
                given.documents().stream().map(WatchlistRepository::asStored).toList());
        repository.lockedFind(connection, info.id());
        ListSnapshot before = repository.content(connection, info.id());
        ListChange change = ListChange.between(before, content);
        int version = versions.latest(connection, info.id()) + 1;
        repository.replace(connection, list, content.persons(), content.documents(), now);
        versions.insert(connection, new ListVersion(info.id(), version, now, publisher, "reference", null,
                content.persons().size(), content.documents().size(), change.added(), change.removed(),
                change.changed()), content);
        // The index follows at once, in the message's transaction: were the commit to fail, the message is handled
        // again and the index replaced again with the same content.
        index.setPost(info.id(), null);
        index.replaceList(info, content.persons(), content.documents());
        return new Applied(version, content.persons().size(), content.documents().size(), change);
    }

    private Optional<ListSnapshot> content(Connection connection, String listId, int version) throws SQLException {
        if (version == 0) {
            return repository.find(connection, listId).isPresent()
                    ? Optional.of(repository.content(connection, listId)) : Optional.empty();
        }
        return versions.content(connection, listId, version);
    }

    private static Map<String, Object> keyed(ListSnapshot snapshot) {
        Map<String, Object> keyed = new HashMap<>();
        snapshot.persons().forEach(p -> keyed.put(key(p), p));
        snapshot.documents().forEach(d -> keyed.put(key(d), d));
        return keyed;
    }

    private static String key(PersonEntry p) {
        return "person:" + p.entryId();
    }

    private static String key(DocumentEntry d) {
        return "document:" + d.entryId();
    }
}
