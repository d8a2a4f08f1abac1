package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;

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
    private final AccessLog accessLog;
    private final Clock clock;

    public WatchlistService(WatchlistRepository repository, ScreeningIndex index, AccessLog accessLog, Clock clock) {
        this.repository = repository;
        this.index = index;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** What an import did: entries stored, or the errors that stopped it with nothing stored. */
    public record ImportResult(boolean imported, int persons, int documents, int rowsRead, List<RowError> errors) {
    }

    /**
     * Imports a file as the new content of a list. Any row-level or file-level error stops the import before
     * anything is written: a list is never half-imported.
     */
    public ImportResult importFile(WatchlistInfo info, Path file, String format, Consumer<Integer> progress) {
        ParsedEntries parsed = WatchlistFiles.parse(file, info.id(), format, progress);
        List<RowError> blocking = parsed.errors().stream().filter(e -> !e.isWarning()).toList();
        if (!blocking.isEmpty()) {
            return new ImportResult(false, 0, 0, parsed.rowsRead(), parsed.errors());
        }
        replace(info, parsed.persons(), parsed.documents());
        return new ImportResult(true, parsed.persons().size(), parsed.documents().size(), parsed.rowsRead(),
                parsed.errors());
    }

    /** Replaces a list's entries in the database, then in the index once the transaction committed. */
    public void replace(WatchlistInfo info, List<PersonEntry> persons, List<DocumentEntry> documents) {
        repository.replace(info, persons, documents, clock.instant(), null);
        index.replaceList(info, persons, documents);
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

    public List<WatchlistHit> screen(ScreeningQuery query, int limit, Actor actor) {
        List<WatchlistHit> hits = index.screen(query, limit);
        accessLog.record(AccessLog.Access.by(actor, "watchlist.screen", "hits=" + hits.size()));
        return hits;
    }
}
