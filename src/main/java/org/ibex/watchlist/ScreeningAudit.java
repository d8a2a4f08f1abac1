package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a direct screening leaves in the access log: the query (name, birth date, document, nationality) and the
 * entries found. An access subject holds 200 characters, so ids that do not fit go on continuation entries
 * ({@code watchlist.screen.hits}) rather than being cut off.
 */
final class ScreeningAudit {
    private static final int SUBJECT = 200;
    private static final int NAME = 100;

    private ScreeningAudit() {
    }

    static List<AccessLog.Access> accesses(ScreeningQuery query, List<WatchlistHit> hits, Actor actor) {
        List<AccessLog.Access> accesses = new ArrayList<>();
        StringBuilder subject = new StringBuilder(query(query)).append(" hits=").append(hits.size());
        String action = "watchlist.screen";
        for (WatchlistHit hit : hits) {
            String id = " " + hit.listId() + "/" + hit.entryId();
            if (subject.length() + id.length() > SUBJECT) {
                accesses.add(AccessLog.Access.by(actor, action, subject.toString()));
                action = "watchlist.screen.hits";
                subject = new StringBuilder("more hits:");
            }
            subject.append(id.length() > SUBJECT - 10 ? id.substring(0, SUBJECT - 10) : id);
        }
        accesses.add(AccessLog.Access.by(actor, action, subject.toString()));
        return accesses;
    }

    private static String query(ScreeningQuery q) {
        String name = q.name() == null ? "" : q.name().strip();
        if (name.length() > NAME) {
            name = name.substring(0, NAME) + "…";
        }
        return "name=\"" + name + "\" dob=" + q.dateOfBirth() + " doc=" + q.documentNumber()
                + (q.issuingState() == null ? "" : "/" + q.issuingState()) + " nat=" + q.nationality();
    }
}
