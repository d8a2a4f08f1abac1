package org.ibex.confirmation;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.store.Database;

import java.util.List;

/**
 * Every probe partners ever sent this node, with its signed deletion receipt, for a supervisor to show an oversight
 * body; each reading is in the access log.
 */
public final class SearchLog {
    private final Database database;
    private final AccessLog accessLog;

    SearchLog(Database database, AccessLog accessLog) {
        this.database = database;
        this.accessLog = accessLog;
    }

    /** The latest probes received, newest first; {@code requester} narrows to one partner. */
    public List<PartnerSearch> list(String requester, int limit, Actor actor) {
        accessLog.record(AccessLog.Access.by(actor, "partner.search.list", requester == null ? "all" : requester));
        return database.read(connection -> SearchRows.list(connection, requester, limit));
    }

    /** One probe received. */
    public PartnerSearch find(String id, Actor actor) {
        PartnerSearch search = database.read(connection -> SearchRows.find(connection, id))
                .orElseThrow(() -> new NotFoundException("no probe " + id + " was received"));
        accessLog.record(AccessLog.Access.by(actor, "partner.search.read", id));
        return search;
    }
}
