package org.ibex.screens;

import org.ibex.watchlist.DocumentEntry;
import org.ibex.watchlist.PersonEntry;
import org.ibex.watchlist.RowError;
import org.ibex.watchlist.WatchlistHit;
import org.ibex.watchlist.WatchlistService;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/** What the watchlist templates show: plain records built by the watchlist screens. */
public final class WatchlistViews {
    private WatchlistViews() {
    }

    /**
     * One list as its keeper sees it: who keeps it (post null: national), its current version and last change,
     * its size, and whether this user may change it (else {@code refusalKey} says why not).
     */
    public record ListRow(String id, String name, String owner, String post, int version, ZonedDateTime changedAt,
                          String changedBy, int persons, int documents, boolean mayChange, String refusalKey) {
        public boolean national() {
            return post == null;
        }
    }

    /**
     * A page of a list's entries: the kind shown, the search, the entries, the cursor of the next page (null on
     * the last) and, for a name search, the entries the name matcher finds across scripts.
     */
    public record EntriesView(ListRow list, boolean persons, String search, String after, List<PersonEntry> personRows,
                              List<DocumentEntry> documentRows, String nextAfter, List<WatchlistHit> matches) {
    }

    /** The entry a form adds or edits: the list, persons or documents, and the entry id (null when adding). */
    public record EntryForm(ListRow list, boolean persons, String entryId) {
        public boolean adding() {
            return entryId == null;
        }
    }

    /** An import as its page shows it, running or done. */
    public record ImportView(String id, String listId, String fileName, Instant startedAt, boolean running,
                             int rows, Integer estimate, WatchlistService.ImportResult result,
                             Integer removalToConfirm, String failure) {
        /** How far the parse is, 0..99 while it runs (the estimate is a count of lines, not of entries). */
        public int percent() {
            if (estimate == null || estimate <= 0) {
                return 0;
            }
            return (int) Math.min(99, rows * 100L / estimate);
        }

        public boolean storing() {
            return running && estimate != null && rows >= estimate;
        }

        public List<RowError> blocking() {
            return result == null ? List.of() : result.errors().stream().filter(e -> !e.isWarning()).limit(100).toList();
        }

        public List<RowError> warnings() {
            return result == null ? List.of() : result.errors().stream().filter(RowError::isWarning).limit(100).toList();
        }
    }
}
