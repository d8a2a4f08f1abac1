package org.ibex.watchlist;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * A list's screening settings (threshold, the alert rate it was calibrated for, namesake policy), changed by those
 * who keep the list, audited in the same transaction as the change, and followed by the screening index once
 * committed. The entries are untouched, so a settings change makes no new version.
 */
public final class ListSettings {
    private final Database database;
    private final WatchlistRepository repository;
    private final ScreeningIndex index;
    private final AccessLog accessLog;
    private final Clock clock;

    ListSettings(Database database, WatchlistRepository repository, ScreeningIndex index, AccessLog accessLog,
                 Clock clock) {
        this.database = database;
        this.repository = repository;
        this.index = index;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /** Sets the threshold that a calibration chose for {@code rate} (a share: 0.005 is 0.5%). */
    public ListRecord calibrate(String listId, int thresholdPercent, double rate, Actor actor) {
        return change(listId, actor, info -> info.calibrated(thresholdPercent, rate),
                String.format(Locale.ROOT, "threshold=%d%% calibrated for alert rate %.4f", thresholdPercent, rate));
    }

    /** Sets what the list does with namesakes. */
    public ListRecord namesakes(String listId, NamesakePolicy policy, Actor actor) {
        return change(listId, actor, info -> info.withNamesakes(policy), "namesakes=" + policy);
    }

    /**
     * The list's persons as stored, for a calibration by someone who may change the list; the read is logged like
     * the change it prepares.
     */
    public List<PersonEntry> persons(String listId, Actor actor) {
        return refusalsLogged(listId, actor, () -> database.inTransaction(connection -> {
            ListRecord list = repository.find(connection, listId).orElseThrow(() -> new UnknownListException(listId));
            ListPermissions.requireMayChange(actor, list);
            List<PersonEntry> persons = repository.content(connection, listId).persons();
            accessLog.record(connection, AccessLog.Access.by(actor, "watchlist.read", "list/" + listId + " persons="
                    + persons.size() + " for calibration"));
            return persons;
        }));
    }

    private ListRecord change(String listId, Actor actor, java.util.function.UnaryOperator<WatchlistInfo> change,
                              String note) {
        ListRecord changed = refusalsLogged(listId, actor, () -> database.inTransaction(connection -> {
            ListRecord list = repository.lockedFind(connection, listId).orElseThrow(() -> new UnknownListException(listId));
            ListPermissions.requireMayChange(actor, list);
            ListRecord updated = new ListRecord(change.apply(list.info()), list.postId());
            repository.updateSettings(connection, updated, clock.instant());
            accessLog.record(connection, AccessLog.Access.by(actor, "watchlist.settings", "list/" + listId + " "
                    + note + " (was threshold=" + list.info().matchThresholdPercent() + "% namesakes="
                    + list.info().namesakes() + ")"));
            return updated;
        }));
        index.setList(changed.info());
        return changed;
    }

    private <T> T refusalsLogged(String listId, Actor actor, java.util.function.Supplier<T> work) {
        try {
            return work.get();
        } catch (AccessDeniedException e) {
            accessLog.record(AccessLog.Access.by(actor, "watchlist.settings.refused", "list/" + listId + " forbidden"));
            throw e;
        }
    }
}
