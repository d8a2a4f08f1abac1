package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watchlists as a capability: import a list whole (all or nothing, index updated after the commit),
 * list them, screen a traveller with every access logged.
 */
public final class WatchlistService {
    private final WatchlistRepository repository;
    private final ScreeningIndex index;
    private final ListKeeper keeper;
    private final AccessLog accessLog;
    private final Database database;
    private final ListEntries entries;
    private final ListEdits edits;
    private final BatchScreening batches;
    private final ListSettings settings;

    public WatchlistService(Database database, WatchlistRepository repository, ScreeningIndex index, AccessLog accessLog,
                            Clock clock) {
        this.repository = repository;
        this.index = index;
        this.keeper = new ListKeeper(database, repository, index, accessLog, clock);
        this.accessLog = accessLog;
        this.database = database;
        this.entries = new ListEntries(database, repository, accessLog);
        this.edits = new ListEdits(keeper, clock);
        this.batches = new BatchScreening(index, database, accessLog);
        this.settings = new ListSettings(database, repository, index, accessLog, clock);
    }

    /** A page of a list's entries, for those who answer for the list (see {@link ListEntries}); the read is logged. */
    public EntryPage entries(EntryQuery query, Actor actor) {
        return entries.read(query, actor);
    }

    /** One entry of a list by id, for those who may read the list; the read is logged. */
    public EntryPage entry(String listId, EntryQuery.Kind kind, String entryId, Actor actor) {
        return entries.one(listId, kind, entryId, actor);
    }

    /** Changes to one entry at a time (add, edit, expire), each a new version of the list. */
    public ListEdits edits() {
        return edits;
    }

    /** A list's screening settings: threshold calibration and namesake policy. */
    public ListSettings settings() {
        return settings;
    }

    /** Whether this actor may read the list's entries (and see that it exists). */
    public boolean mayRead(ListRecord list, Actor actor) {
        return ListEntries.mayRead(actor, list);
    }

    /** Whether this actor may change the list: its post's supervisors, or list managers for a national list. */
    public boolean mayChange(ListRecord list, Actor actor) {
        try {
            ListPermissions.requireMayChange(actor, list);
            return true;
        } catch (org.ibex.access.AccessDeniedException e) {
            return false;
        }
    }

    /**
     * What an import did: entries stored with the version made and what it changed, or the errors that stopped it
     * with nothing stored (version and change null).
     */
    public record ImportResult(boolean imported, int persons, int documents, int rowsRead, List<RowError> errors,
                               Integer version, ListChange change) {
    }

    /**
     * Imports a file as the new content of a list, as {@code actor}. Any row-level or file-level error stops the
     * import before anything is written: a list is never half-imported.
     */
    public ImportResult importFile(ListImport request, Path file, String format, Consumer<Integer> progress,
                                   Actor actor) {
        keeper.requireMayChange(request.id(), actor);
        ParsedEntries parsed = WatchlistFiles.parse(file, request.id(), format, progress);
        List<RowError> blocking = parsed.errors().stream().filter(e -> !e.isWarning()).toList();
        if (!blocking.isEmpty()) {
            return new ImportResult(false, 0, 0, parsed.rowsRead(), parsed.errors(), null, null);
        }
        ListKeeper.Outcome outcome = replace(request, parsed.persons(), parsed.documents(), actor);
        return new ImportResult(true, parsed.persons().size(), parsed.documents().size(), parsed.rowsRead(),
                parsed.errors(), outcome.version().version(), outcome.change());
    }

    /** Makes these entries a list's content as {@code actor}, under the list rules (see {@link ListKeeper}). */
    public ListKeeper.Outcome replace(ListImport request, List<PersonEntry> persons, List<DocumentEntry> documents,
                                      Actor actor) {
        return keeper.replace(request, persons, documents, defaultThresholdPercent(), actor);
    }

    /** Restores an earlier version of a list as a new version, as {@code actor}. */
    public ListKeeper.Outcome rollback(String listId, int version, Integer confirmRemoval, Actor actor) {
        return keeper.rollback(listId, version, confirmRemoval, actor);
    }

    public List<ListVersion> versions(String listId, Actor actor) {
        return keeper.versions(listId, actor);
    }

    /** Every list with the post that keeps it (null: national). */
    public List<ListRecord> records() {
        return repository.records();
    }

    /** The matcher's own threshold as a percentage: the default for a list that names none. */
    public int defaultThresholdPercent() {
        return (int) Math.round(index.matcher().threshold() * 100);
    }

    public List<WatchlistInfo> lists() {
        return repository.lists();
    }

    public int personCount(String listId) {
        return repository.countPersons(listId);
    }

    public int documentCount(String listId) {
        return repository.countDocuments(listId);
    }

    /** Screens a query; the access log keeps what was asked and which entries were found (see {@link ScreeningAudit}). */
    public List<WatchlistHit> screen(ScreeningQuery query, int limit, Actor actor) {
        List<WatchlistHit> hits = actor.user().role().boundToPost()
                ? index.screenAtPost(query, limit, actor.user().postId()) : index.screen(query, limit);
        database.inTransaction(connection -> {
            for (AccessLog.Access access : ScreeningAudit.accesses(query, hits, actor)) {
                accessLog.record(connection, access);
            }
            return null;
        });
        return hits;
    }

    /**
     * Screens every row of a batch CSV read from {@code in} (see {@link BatchQueries}) against the lists in the
     * actor's scope, as {@link #screen} does one traveller, handing each row's result to {@code out} in file order.
     * A row that does not read is handed over with its error and the batch goes on; a file that cannot be read as
     * a batch throws {@link BatchQueries.BatchFileException} after the rows before the break. The batch is one act
     * in the access log (see {@link BatchAudit}): {@code source} names the file there.
     */
    public BatchResult.Summary screenBatch(java.io.InputStream in, String source, int limit, Actor actor,
                                           Consumer<BatchResult> out) {
        return batches.screen(in, source, limit, actor, out);
    }

    /** The same for rows already read and checked whole (an API manifest); {@code sha256} is of the bytes sent. */
    public BatchResult.Summary screenBatch(List<BatchQueries.Row> rows, String source, String sha256, int limit,
                                           Actor actor, Consumer<BatchResult> out) {
        return batches.screen(each -> rows.forEach(each), source, () -> sha256, limit, actor, out);
    }
}
