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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Watchlists and their entries in the database. A list is replaced whole, in the caller's transaction: all or none. */
public final class WatchlistRepository {
    private static final int BATCH = 1000;
    /** Every read of person entries takes these columns, in the order {@code person(row)} maps them. */
    private static final String SELECT_PERSONS = "SELECT list_id, entry_id, names, dates_of_birth, nationalities, sex,"
            + " reason, source, valid_from, valid_until, action, place_of_birth, documents FROM watchlist_person";
    /** Every read of document entries takes these columns, as {@code document(row)} maps them. */
    private static final String SELECT_DOCUMENTS = "SELECT list_id, entry_id, document_number, issuing_state,"
            + " document_type, status, reported_on, source FROM watchlist_document";
    private final Database database;
    private final ObjectMapper json = Json.mapper();
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
        insertPersons(connection, list.info().id(), persons, null);
        insertDocuments(connection, list.info().id(), documents, null);
    }

    /**
     * Changes a list in place inside the caller's transaction: the person and document entries named in
     * {@code gone} (entry ids) deleted, then {@code persons} and {@code documents} inserted; the list's description
     * and change time stored as {@link #replace} stores them. Entries named nowhere keep their rows.
     */
    void change(Connection connection, ListRecord list, Gone gone, List<PersonEntry> persons,
                List<DocumentEntry> documents, Instant now) throws SQLException {
        upsertList(connection, list, now);
        delete(connection, "watchlist_person", list.info().id(), gone.persons());
        delete(connection, "watchlist_document", list.info().id(), gone.documents());
        insertPersons(connection, list.info().id(), persons, null);
        insertDocuments(connection, list.info().id(), documents, null);
    }

    /** Entry ids of a list whose rows go. */
    record Gone(Collection<String> persons, Collection<String> documents) {
    }

    private static void delete(Connection connection, String table, String listId, Collection<String> entryIds)
            throws SQLException {
        if (entryIds.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM " + table
                + " WHERE list_id = ? AND entry_id = ?")) {
            int pending = 0;
            for (String entryId : entryIds) {
                Sql.bindAll(delete, listId, entryId);
                delete.addBatch();
                if (++pending == BATCH) {
                    delete.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                delete.executeBatch();
            }
        }
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
        return p.withReasonAndSource(truncate(p.reason(), 1000), truncate(p.source(), 200));
    }

    static DocumentEntry asStored(DocumentEntry d) {
        return new DocumentEntry(d.listId(), d.entryId(), d.documentNumber(), d.issuingState(), d.documentType(),
                d.status(), d.reportedOn(), truncate(d.source(), 200));
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

    private void insertPersons(Connection connection, String listId, List<PersonEntry> persons, Consumer<Integer> progress)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_person(list_id, entry_id, names,"
                + " date_of_birth, nationality, sex, reason, source, valid_from, valid_until, action, dates_of_birth,"
                + " nationalities, place_of_birth, documents) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            int done = 0;
            for (PersonEntry p : persons) {
                Sql.bindAll(insert, listId, p.entryId(), Json.write(json, p.names()),
                        p.dateOfBirth() == null ? null : p.dateOfBirth().toString(), p.nationality(), p.sex(),
                        truncate(p.reason(), 1000), truncate(p.source(), 200), p.validFrom(), p.validUntil(),
                        p.action().name(), PersonValues.dates(p.datesOfBirth()), PersonValues.codes(p.nationalities()),
                        p.placeOfBirth(), PersonValues.documents(json, p.documents()));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    done += pending;
                    pending = 0;
                    if (progress != null) {
                        progress.accept(done);
                    }
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    private static void insertDocuments(Connection connection, String listId, List<DocumentEntry> documents,
                                        Consumer<Integer> progress) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO watchlist_document(list_id, entry_id,"
                + " document_number, issuing_state, document_type, status, reported_on, source) VALUES (?,?,?,?,?,?,?,?)")) {
            int pending = 0;
            for (DocumentEntry d : documents) {
                Sql.bindAll(insert, listId, d.entryId(), DocumentEntry.normaliseNumber(d.documentNumber()),
                        d.issuingState(), d.documentType(), d.status().name(), d.reportedOn(), truncate(d.source(), 200));
                insert.addBatch();
                if (++pending == BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
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

    private static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
