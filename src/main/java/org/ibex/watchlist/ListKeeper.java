package org.ibex.watchlist;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Changes a list's content under the rules: only its keeper may (see {@link ListPermissions}); the owner and
 * post come from the node's records; emptying a list or removing most of it needs the exact number confirmed;
 * every change is a new stored version, audited with its counts in the same transaction, and the screening
 * index follows once it committed.
 */
public final class ListKeeper {
    private final Database database;
    private final WatchlistRepository repository;
    private final ListVersions versions = new ListVersions();
    private final ScreeningIndex index;
    private final AccessLog accessLog;
    private final Clock clock;

    public ListKeeper(Database database, WatchlistRepository repository, ScreeningIndex index, AccessLog accessLog,
                      Clock clock) {
        this.database = database;
        this.repository = repository;
        this.index = index;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** What a change did: the list as recorded, the version it made and the counts. */
    public record Outcome(ListRecord list, ListVersion version, ListChange change) {
    }

    /** Makes these entries the list's new content (creating the list if it is new). */
    public synchronized Outcome replace(ListImport request, List<PersonEntry> persons, List<DocumentEntry> documents,
                                        int defaultThresholdPercent, Actor actor) {
        ListSnapshot content = new ListSnapshot(persons.stream().map(WatchlistRepository::asStored).toList(),
                documents.stream().map(WatchlistRepository::asStored).toList());
        Outcome outcome = refusalsLogged("watchlist.import", request.id(), actor, () -> database.inTransaction(connection -> {
            ListRecord list = repository.lockedFind(connection, request.id())
                    .map(found -> updated(found, request, actor))
                    .orElseGet(() -> created(request, defaultThresholdPercent, actor));
            return apply(connection, list, content, "import", null, request.confirmRemoval(), actor);
        }));
        index.setPost(outcome.list().info().id(), outcome.list().postId());
        index.replaceList(outcome.list().info(), content.persons(), content.documents());
        return outcome;
    }

    /**
     * Refuses an actor who may not change (or create) the list before a file is even parsed, so a stranger learns
     * nothing from how the node reads a file, and a refusal costs no parsing. The change itself checks again.
     */
    public void requireMayChange(String listId, Actor actor) {
        refusalsLogged("watchlist.import", listId, actor, () -> database.read(connection -> {
            Optional<ListRecord> list = repository.find(connection, listId);
            if (list.isPresent()) {
                ListPermissions.requireMayChange(actor, list.get());
            } else {
                ListPermissions.postOfNewList(actor, listId);
            }
            return null;
        }));
    }

    /** Restores an earlier version's content as a new version. */
    public synchronized Outcome rollback(String listId, int version, Integer confirmRemoval, Actor actor) {
        Restored restored = refusalsLogged("watchlist.rollback", listId, actor, () -> database.inTransaction(connection -> {
            ListRecord list = repository.lockedFind(connection, listId).orElseThrow(() -> new UnknownListException(listId));
            ListPermissions.requireMayChange(actor, list);
            ListSnapshot content = versions.content(connection, listId, version).orElseThrow(() -> new InvalidEntryException(
                    "version", RowError.RANGE, "list '" + listId + "' has no version " + version
                    + "; GET /api/watchlists/" + listId + "/versions lists them"));
            return new Restored(apply(connection, list, content, "rollback", version, confirmRemoval, actor), content);
        }));
        index.setPost(listId, restored.outcome().list().postId());
        index.replaceList(restored.outcome().list().info(), restored.content().persons(), restored.content().documents());
        return restored.outcome();
    }

    /**
     * Changes some entries of an existing list (one added, edited, expired or removed by hand) as a new version,
     * under the same rules as an import; {@code note} says what and why, for the access log.
     */
    synchronized Outcome edit(String listId, String note, UnaryOperator<ListSnapshot> change,
                                     Integer confirmRemoval, Actor actor) {
        Restored edited = refusalsLogged("watchlist.edit", listId, actor, () -> database.inTransaction(connection -> {
            ListRecord list = repository.lockedFind(connection, listId).orElseThrow(() -> new UnknownListException(listId));
            ListPermissions.requireMayChange(actor, list);
            ListSnapshot before = repository.content(connection, listId);
            ListSnapshot after = change.apply(before);
            ListSnapshot content = new ListSnapshot(after.persons().stream().map(WatchlistRepository::asStored).toList(),
                    after.documents().stream().map(WatchlistRepository::asStored).toList());
            return new Restored(apply(connection, list, content, "edit", null, confirmRemoval, actor, " " + note),
                    content);
        }));
        index.setPost(listId, edited.outcome().list().postId());
        index.replaceList(edited.outcome().list().info(), edited.content().persons(), edited.content().documents());
        return edited.outcome();
    }

    /** The list's versions, newest first; another post's list reads as unknown to a post's supervisor. */
    public List<ListVersion> versions(String listId, Actor actor) {
        return database.read(connection -> {
            Optional<ListRecord> list = repository.find(connection, listId);
            if (list.isEmpty() || !list.get().national() && actor.user().role().boundToPost()
                    && !list.get().postId().equals(actor.user().postId())) {
                throw new UnknownListException(listId);
            }
            return versions.all(connection, listId);
        });
    }

    private record Restored(Outcome outcome, ListSnapshot content) {
    }

    /** A refused change of a shared list is worth knowing about too: logged after the rollback of its transaction. */
    private <T> T refusalsLogged(String action, String listId, Actor actor, Supplier<T> change) {
        try {
            return change.get();
        } catch (AccessDeniedException e) {
            accessLog.record(AccessLog.Access.by(actor, action + ".refused", "list/" + listId + " forbidden"));
            throw e;
        } catch (ConfirmationRequiredException e) {
            accessLog.record(AccessLog.Access.by(actor, action + ".refused", "list/" + listId + " unconfirmed removed="
                    + e.removed()));
            throw e;
        }
    }

    private Outcome apply(Connection connection, ListRecord list, ListSnapshot content, String kind, Integer restoredFrom,
                          Integer confirmRemoval, Actor actor) throws SQLException {
        return apply(connection, list, content, kind, restoredFrom, confirmRemoval, actor, "");
    }

    private Outcome apply(Connection connection, ListRecord list, ListSnapshot content, String kind, Integer restoredFrom,
                          Integer confirmRemoval, Actor actor, String note) throws SQLException {
        String id = list.info().id();
        ListSnapshot before = repository.content(connection, id);
        ListChange change = ListChange.between(before, content);
        if (change.needsConfirmation() && (confirmRemoval == null || confirmRemoval != change.removed())) {
            throw new ConfirmationRequiredException("this " + kind + " would remove " + change.removed() + " of the "
                    + change.before() + " entries of watchlist '" + id + "', leaving " + change.after()
                    + (confirmRemoval == null ? "" : " (confirmRemoval was " + confirmRemoval + ")")
                    + "; to go ahead, repeat it with confirmRemoval=" + change.removed()
                    + " (CLI: --confirm-removal " + change.removed() + ")", change.removed());
        }
        Instant now = clock.instant();
        int latest = versions.latest(connection, id);
        if (latest == 0 && change.before() > 0) {
            // The list predates versions: keep what it held, so this change can be rolled back too.
            versions.insert(connection, new ListVersion(id, ++latest, now, "(before versions)", "baseline", null,
                    before.persons().size(), before.documents().size(), change.before(), 0, 0), before);
        }
        ListVersion version = new ListVersion(id, latest + 1, now, actor.username(), kind, restoredFrom,
                content.persons().size(), content.documents().size(), change.added(), change.removed(), change.changed());
        // Only the rows that differ are written: a change of a few entries of a large list, or a national list's
        // new version about to go to every post, does not delete and insert every row.
        Optional<InPlaceChange> rows = InPlaceChange.between(before, content);
        if (rows.isPresent()) {
            repository.change(connection, list, rows.get().rows(), now);
        } else {
            repository.replace(connection, list, content.persons(), content.documents(), now);
        }
        versions.insert(connection, version, content);
        accessLog.record(connection, AccessLog.Access.by(actor, "watchlist." + kind, "list/" + id + " v" + version.version()
                + (restoredFrom == null ? "" : " from v" + restoredFrom) + note + " " + change.summary()));
        return new Outcome(list, version, change);
    }

    private static ListRecord updated(ListRecord found, ListImport request, Actor actor) {
        ListPermissions.requireMayChange(actor, found);
        WatchlistInfo stored = found.info();
        if (request.owner() != null && !request.owner().equals(stored.owner())) {
            throw new InvalidEntryException("owner", "immutable", "watchlist '" + stored.id() + "' is owned by '"
                    + stored.owner() + "' as the node recorded it at creation; an import cannot change the owner");
        }
        // A threshold given by hand replaces a calibrated one: the list no longer claims its target rate.
        return new ListRecord(new WatchlistInfo(stored.id(), or(request.name(), stored.name()), stored.owner(),
                or(request.sharing(), stored.sharingLabel()),
                request.thresholdPercent() == null ? stored.matchThresholdPercent() : request.thresholdPercent(),
                stored.namesakes(), request.thresholdPercent() == null ? stored.targetAlertRate() : null),
                found.postId());
    }

    private static ListRecord created(ListImport request, int defaultThresholdPercent, Actor actor) {
        String post = ListPermissions.postOfNewList(actor, request.id());
        String owner = request.owner();
        if (post != null && owner != null && !owner.equals(post)) {
            throw new InvalidEntryException("owner", "post-list", "a post's list is owned by its post " + post
                    + "; leave owner out");
        }
        if (post == null && (owner == null || owner.isBlank())) {
            throw new InvalidEntryException("owner", RowError.REQUIRED, "owner is required to create national watchlist '"
                    + request.id() + "': the authority that answers for it, e.g. 'National police'");
        }
        return new ListRecord(new WatchlistInfo(request.id(), or(request.name(), request.id()), post == null ? owner : post,
                or(request.sharing(), "national"), request.thresholdPercent() == null ? defaultThresholdPercent
                : request.thresholdPercent()), post);
    }

    private static String or(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }
}
