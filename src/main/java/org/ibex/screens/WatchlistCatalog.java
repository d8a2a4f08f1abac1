package org.ibex.screens;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.watchlist.ListRecord;
import org.ibex.watchlist.ListVersion;
import org.ibex.watchlist.UnknownListException;
import org.ibex.watchlist.WatchlistService;

import java.util.List;

/**
 * The lists a user may see, as rows for the screens: the domain decides who reads and who changes which list;
 * a list the user may not read does not exist for them.
 */
final class WatchlistCatalog {
    private final WatchlistService lists;

    WatchlistCatalog(WatchlistService lists) {
        this.lists = lists;
    }

    List<WatchlistViews.ListRow> visible(Actor actor) {
        return lists.records().stream().filter(record -> lists.mayRead(record, actor))
                .map(record -> row(record, actor)).toList();
    }

    /** The list as this user sees it; one they may not read reads as unknown. */
    WatchlistViews.ListRow find(String listId, Actor actor) {
        return lists.records().stream().filter(record -> record.info().id().equals(listId))
                .filter(record -> lists.mayRead(record, actor)).findFirst().map(record -> row(record, actor))
                .orElseThrow(() -> new UnknownListException(listId));
    }

    /** The list, when this user may change it; else the refusal the domain would give, before any form is shown. */
    WatchlistViews.ListRow changeable(String listId, Actor actor) {
        WatchlistViews.ListRow row = find(listId, actor);
        if (!row.mayChange()) {
            throw new AccessDeniedException(actor.username() + " may not change watchlist '" + listId + "'");
        }
        return row;
    }

    private WatchlistViews.ListRow row(ListRecord record, Actor actor) {
        String id = record.info().id();
        List<ListVersion> versions = lists.versions(id, actor);
        ListVersion latest = versions.isEmpty() ? null : versions.get(0);
        boolean mayChange = lists.mayChange(record, actor);
        String refusal = mayChange ? null : record.national() ? "watchlist.refusal.national" : "watchlist.refusal.post";
        return new WatchlistViews.ListRow(id, record.info().name(), record.info().owner(), record.postId(),
                latest == null ? 0 : latest.version(), latest == null ? null : latest.createdAt().atZone(java.time.ZoneId.systemDefault()),
                latest == null ? null : latest.createdBy(), lists.personCount(id), lists.documentCount(id), mayChange,
                refusal);
    }
}
