package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/**
 * Reading a list's entries page by page, as the people who answer for a list need to: supervisors the national
 * lists and their own post's, list managers the national ones, analysts all. A list the reader may not see reads
 * as unknown, and every read is in the access log with what was searched.
 */
final class ListEntries {
    static final int MAX_SEARCH = PersonEntry.MAX_NAME;
    private final Database database;
    private final WatchlistRepository repository;
    private final AccessLog accessLog;

    ListEntries(Database database, WatchlistRepository repository, AccessLog accessLog) {
        this.database = database;
        this.repository = repository;
        this.accessLog = accessLog;
    }

    EntryPage read(EntryQuery query, Actor actor) {
        if (query.search() != null && query.search().length() > MAX_SEARCH) {
            throw new InvalidEntryException(query.kind() == EntryQuery.Kind.PERSON ? "name" : "number", RowError.RANGE,
                    "a search is at most " + MAX_SEARCH + " characters (got " + query.search().length() + ")");
        }
        return database.inTransaction(connection -> {
            ListRecord list = repository.find(connection, query.listId())
                    .filter(l -> mayRead(actor, l)).orElseThrow(() -> new UnknownListException(query.listId()));
            EntryPage page = page(connection, list, query);
            accessLog.record(connection, AccessLog.Access.by(actor, "watchlist.entries.read", "list/" + list.info().id()
                    + " kind=" + query.kind().name().toLowerCase(Locale.ROOT)
                    + (query.search() == null ? "" : " search=" + query.search())
                    + (query.after() == null ? "" : " after=" + query.after()) + " count=" + page.size()));
            return page;
        });
    }

    /** One entry by its id, as a page of one (empty when the list has no such entry); the read is logged. */
    EntryPage one(String listId, EntryQuery.Kind kind, String entryId, Actor actor) {
        return database.inTransaction(connection -> {
            ListRecord list = repository.find(connection, listId)
                    .filter(l -> mayRead(actor, l)).orElseThrow(() -> new UnknownListException(listId));
            EntryPage page = kind == EntryQuery.Kind.PERSON
                    ? new EntryPage(list.info(), list.postId(),
                    repository.person(connection, listId, entryId).stream().toList(), List.of(), null)
                    : new EntryPage(list.info(), list.postId(), List.of(),
                    repository.document(connection, listId, entryId).stream().toList(), null);
            accessLog.record(connection, AccessLog.Access.by(actor, "watchlist.entries.read", "list/" + listId
                    + " kind=" + kind.name().toLowerCase(Locale.ROOT) + " entry=" + entryId + " count=" + page.size()));
            return page;
        });
    }

    private EntryPage page(Connection connection, ListRecord list, EntryQuery query) throws SQLException {
        if (query.kind() == EntryQuery.Kind.PERSON) {
            List<PersonEntry> rows = repository.persons(connection, list.info().id(), query.search(), query.after(),
                    query.limit() + 1);
            boolean more = rows.size() > query.limit();
            List<PersonEntry> shown = more ? rows.subList(0, query.limit()) : rows;
            return new EntryPage(list.info(), list.postId(), shown, List.of(),
                    more ? shown.get(shown.size() - 1).entryId() : null);
        }
        String number = query.search() == null ? null : DocumentEntry.normaliseNumber(query.search());
        List<DocumentEntry> rows = repository.documents(connection, list.info().id(), number, query.after(),
                query.limit() + 1);
        boolean more = rows.size() > query.limit();
        List<DocumentEntry> shown = more ? rows.subList(0, query.limit()) : rows;
        return new EntryPage(list.info(), list.postId(), List.of(), shown,
                more ? shown.get(shown.size() - 1).entryId() : null);
    }

    /** Who may read a list's entries; the same people may see that it exists. */
    static boolean mayRead(Actor actor, ListRecord list) {
        Role role = actor.user().role();
        return switch (role) {
            case ANALYST -> true;
            case LIST_MANAGER -> list.national();
            case SUPERVISOR -> list.national() || list.postId().equals(actor.user().postId());
            default -> false;
        };
    }
}
