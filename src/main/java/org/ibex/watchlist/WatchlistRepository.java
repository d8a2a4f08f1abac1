package org.ibex.watchlist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Watchlists and their entries in the database. A list is replaced whole, in the caller's transaction: all or none. */
public final class WatchlistRepository {
    /** Every read of person entries takes these columns, in the order {@code person(row)} maps them. */
    private static final String SELECT_PERSONS = "SELECT list_id, entry_id, names, dates_of_birth, nationalities, sex,"
            + " reason, source, valid_from, valid_until, action, place_of_birth, documents FROM watchlist_person";
    /** Every read of document entries takes these columns, as {@code document(row)} maps them. */
    private static final String SELECT_DOCUMENTS = "SELECT list_id, entry_id, document_number, issuing_state,"
            + " document_type, status, reported_on, source FROM watchlist_document";
    private final Database database;
    private final ObjectMapper json = Json.mapper();
    private final EntryRows rows = new EntryRows();
    /** Made once: resolving the list type for every row read was a visible share of reading a list. */
    private final ObjectReader namesReader = json.readerFor(new TypeReference<List<String>>() { });

    public WatchlistRepository(Database database) {
        this.database = database;
    }

    /**
     * Replaces the list's entries by these inside the caller's transaction, creating the list with its post (null:
     * national) when it is new. The owner and post of an existing list are never changed here.
     */
    void replace(Connection connection, ListRecord list, List<PersonEntry> persons, List<DocumentEntry> documents,
                 Instant now) throws SQLException {
        upsertList(connection, list, now);
        for (String table : List.of("watchlist_person", "watchlist_document")) {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table + " WHERE list_id = ?")) {
                delete.setString(1, list.info().id());
                delete.executeUpdate();
            }
        }
        rows.insertPersons(connection, list.info().id(), persons, null);
        rows.insertDocuments(connection, list.info().id(), documents);
    }

    /**
     * Changes a list in place inside the caller's transaction: entries removed, changed and added by entry id, the
     * list's description and change time stored as {@link #replace} stores them. Entries named nowhere keep their
     * rows.
     */
    void change(Connection connection, ListRecord list, Changes changes, Instant now) throws SQLException {
        String listId = list.info().id();
        upsertList(connection, list, now);
        rows.delete(connection, "watchlist_person", listId, changes.removedPersons());
        rows.delete(connection, "watchlist_document", listId, changes.removedDocuments());
        rows.updatePersons(connection, listId, changes.changedPersons());
        rows.updateDocuments(connection, listId, changes.changedDocuments());
        rows.insertPersons(connection, listId, changes.addedPersons(), null);
        rows.insertDocuments(connection, listId, changes.addedDocuments());
    }

    /** What {@link #change} writes: entry ids whose rows go, entries whose rows change, entries new to the list. */
    record Changes(List<String> removedPersons, List<String> removedDocuments, List<PersonEntry> changedPersons,
                   List<DocumentEntry> changedDocuments, List<PersonEntry> addedPersons,
                   List<DocumentEntry> addedDocuments) {
    }

    /** The list as the node records it, locked against a concurrent change until the transaction ends. */
    Optional<ListRecord> lockedFind(Connection connection, String listId) throws SQLException {
        return find(connection, listId, " FOR UPDATE");
    }

    Optional<ListRecord> find(Connection connection, String listId) throws SQLException {
        return find(connection, listId, "");
    }

    private static Optional<ListRecord> find(Connection connection, String listId, String lock) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, owner, sharing_label, threshold_pct, post_id, namesake_policy, target_alert_rate FROM watchlist WHERE id = ?" + lock)) {
            select.setString(1, listId);
            return Sql.list(select, WatchlistRepository::record).stream().findFirst();
        }
    }

    /** The list's entries as stored now. */
    ListSnapshot content(Connection connection, String listId) throws SQLException {
        List<PersonEntry> persons = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_PERSONS
                + " WHERE list_id = ? ORDER BY entry_id")) {
            select.setString(1, listId);
            persons.addAll(Sql.list(select, this::person));
        }
        List<DocumentEntry> documents = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(SELECT_DOCUMENTS
                + " WHERE list_id = ? ORDER BY entry_id")) {
            select.setString(1, listId);
            documents.addAll(Sql.list(select, WatchlistRepository::document));
        }
        return new ListSnapshot(persons, documents);
    }

    /**
     * Up to {@code limit} person entries of a list in entry-id order after {@code after} (null: from the start),
     * whose names or aliases contain {@code search} regardless of case (null: all).
     */
    List<PersonEntry> persons(Connection connection, String listId, String search, String after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT_PERSONS + " WHERE list_id = ?");
        List<Object> args = new ArrayList<>(List.of(listId));
        if (search != null) {
            sql.append(" AND LOWER(names) LIKE ? ").append(Sql.LIKE_ESCAPE);
            args.add(Sql.containing(search.toLowerCase(java.util.Locale.ROOT)));
        }
        if (after != null) {
            sql.append(" AND entry_id > ?");
            args.add(after);
        }
        sql.append(" ORDER BY entry_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            return Sql.list(select, this::person);
        }
    }

    /** Up to {@code limit} document entries after {@code after} whose number contains {@code number} (null: all). */
    List<DocumentEntry> documents(Connection connection, String listId, String number, String after, int limit)
            throws SQLException {
        StringBuilder sql = new StringBuilder(SELECT_DOCUMENTS + " WHERE list_id = ?");
        List<Object> args = new ArrayList<>(List.of(listId));
        if (number != null) {
            sql.append(" AND document_number LIKE ? ").append(Sql.LIKE_ESCAPE);
            args.add(Sql.containing(number));
        }
        if (after != null) {
            sql.append(" AND entry_id > ?");
            args.add(after);
        }
        sql.append(" ORDER BY entry_id FETCH FIRST ").append(limit).append(" ROWS ONLY");
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            Sql.bindAll(select, args.toArray());
            return Sql.list(select, WatchlistRepository::document);
        }
    }

    /** One person entry of a list by its id. */
    Optional<PersonEntry> person(Connection connection, String listId, String entryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_PERSONS
                + " WHERE list_id = ? AND entry_id = ?")) {
            Sql.bindAll(select, listId, entryId);
            return Sql.list(select, this::person).stream().findFirst();
        }
    }

    /** One document entry of a list by its id. */
    Optional<DocumentEntry> document(Connection connection, String listId, String entryId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(SELECT_DOCUMENTS
                + " WHERE list_id = ? AND entry_id = ?")) {
            Sql.bindAll(select, listId, entryId);
            return Sql.list(select, WatchlistRepository::document).stream().findFirst();
        }
    }


    /** The entry as the database keeps it: long reasons and sources are cut, so a stored version compares equal. */
    static PersonEntry asStored(PersonEntry p) {
        return p.withReasonAndSource(EntryRows.truncate(p.reason(), 1000), EntryRows.truncate(p.source(), 200));
    }

    static DocumentEntry asStored(DocumentEntry d) {
        return new DocumentEntry(d.listId(), d.entryId(), d.documentNumber(), d.issuingState(), d.documentType(),
                d.status(), d.reportedOn(), EntryRows.truncate(d.source(), 200));
    }

    public List<WatchlistInfo> lists() {
        return records().stream().map(ListRecord::info).toList();
    }

    /** Every list with its post (null: national) and current version. */
    public List<ListRecord> records() {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT id, name, owner, sharing_label, threshold_pct, post_id, namesake_policy, target_alert_rate FROM watchlist ORDER BY id")) {
                return Sql.list(select, WatchlistRepository::record);
            }
        });
    }

    private static ListRecord record(ResultSet row) throws SQLException {
        double stored = row.getDouble(8);
        Double rate = row.wasNull() ? null : stored;
        return new ListRecord(new WatchlistInfo(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getInt(5), NamesakePolicy.parse(row.getString(7)), rate), row.getString(6));
    }

    public int countPersons(String listId) {
        return count("SELECT COUNT(*) FROM watchlist_person WHERE list_id = ?", listId);
    }

    public int countDocuments(String listId) {
        return count("SELECT COUNT(*) FROM watchlist_document WHERE list_id = ?", listId);
    }

    /** Streams every person entry, for building the screening index at start. */
    public void eachPerson(Consumer<PersonEntry> sink) {
        database.read(connection -> {
            connection.setAutoCommit(false); // lets PostgreSQL stream with a cursor instead of loading all rows
            try (PreparedStatement select = connection.prepareStatement(SELECT_PERSONS)) {
                select.setFetchSize(5000);
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        sink.accept(person(row));
                    }
                }
            } finally {
                connection.commit();
                connection.setAutoCommit(true);
            }
            return null;
        });
    }

    public void eachDocument(Consumer<DocumentEntry> sink) {
        database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(SELECT_DOCUMENTS);
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    sink.accept(document(row));
                }
            }
            return null;
        });
    }

    /** Stores a list's description and screening settings, its entries untouched. */
    void updateSettings(Connection connection, ListRecord list, Instant now) throws SQLException {
        upsertList(connection, list, now);
    }

    private static void upsertList(Connection connection, ListRecord list, Instant now) throws SQLException {
        WatchlistInfo info = list.info();
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM watchlist WHERE id = ?")) {
            select.setString(1, info.id());
            if (Sql.list(select, r -> 1).isEmpty()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist(name, owner,"
                        + " sharing_label, threshold_pct, updated_at, post_id, namesake_policy, target_alert_rate, id)"
                        + " VALUES (?,?,?,?,?,?,?,?,?)")) {
                    Sql.bindAll(insert, info.name(), info.owner(), info.sharingLabel(), info.matchThresholdPercent(), now,
                            list.postId(), info.namesakes().name(), info.targetAlertRate(), info.id());
                    insert.executeUpdate();
                }
                return;
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE watchlist SET name = ?, sharing_label = ?,"
                + " threshold_pct = ?, updated_at = ?, namesake_policy = ?, target_alert_rate = ? WHERE id = ?")) {
            Sql.bindAll(update, info.name(), info.sharingLabel(), info.matchThresholdPercent(), now,
                    info.namesakes().name(), info.targetAlertRate(), info.id());
            update.executeUpdate();
        }
    }

    private PersonEntry person(ResultSet row) throws SQLException {
        List<String> names;
        try {
            names = namesReader.readValue(row.getString(3));
        } catch (JsonProcessingException e) {
            throw new SQLException("watchlist entry " + row.getString(2) + " has unreadable names", e);
        }
        return new PersonEntry(row.getString(1), row.getString(2), names, PersonValues.dates(row.getString(4)),
                PersonValues.codes(row.getString(5)), row.getString(6), row.getString(12),
                PersonValues.documents(json, row.getString(13)), row.getString(7), row.getString(8),
                Sql.date(row, "valid_from"), Sql.date(row, "valid_until"), EntryAction.valueOf(row.getString(11)));
    }

    private static DocumentEntry document(ResultSet row) throws SQLException {
        return new DocumentEntry(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), DocumentStatus.valueOf(row.getString(6)), Sql.date(row, "reported_on"), row.getString(8));
    }

    private int count(String sql, String listId) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                select.setString(1, listId);
                return Sql.list(select, r -> r.getInt(1)).get(0);
            }
        });
    }
}
