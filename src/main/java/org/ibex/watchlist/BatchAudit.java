package org.ibex.watchlist;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;

import java.util.ArrayList;
import java.util.List;

/**
 * What a batch screening leaves in the access log. The log answers two questions: who screened whom, and who saw
 * which listed entry. A batch is one act by one person on one file, so it is logged as such: an entry when it
 * starts (a run cut short is still on record), and when it ends one {@code watchlist.screen.batch} entry with the
 * file's name, its SHA-256 (the file itself is the list of whom, kept by whoever sent it), the counts; then every
 * row that hit, as {@code row-id list/entry} pairs on {@code watchlist.screen.batch.hits} entries, so a listed
 * entry's exposure stays traceable. Rows without a hit are not written one by one: ten thousand lines per manifest
 * would bury the log the audit is read from and add nothing the digest does not prove.
 */
final class BatchAudit {
    static final String ACTION = "watchlist.screen.batch";
    static final String HITS = "watchlist.screen.batch.hits";
    private static final int SUBJECT = 200;
    private static final int SOURCE = 60;
    private static final int ID = 40;
    private final String source;
    private final Actor actor;
    private final List<String> pairs = new ArrayList<>();

    BatchAudit(String source, Actor actor) {
        this.source = shorten(source == null || source.isBlank() ? "(unnamed)" : source.strip(), SOURCE);
        this.actor = actor;
    }

    AccessLog.Access started() {
        return AccessLog.Access.by(actor, ACTION, "started file=\"" + source + "\"");
    }

    void add(BatchResult result) {
        for (WatchlistHit hit : result.hits()) {
            pairs.add(shorten(result.row().id(), ID) + " " + hit.listId() + "/" + hit.entryId());
        }
    }

    List<AccessLog.Access> finished(BatchResult.Summary summary) {
        List<AccessLog.Access> accesses = new ArrayList<>();
        accesses.add(AccessLog.Access.by(actor, ACTION, "file=\"" + source + "\" rows=" + summary.rows()
                + " failed=" + summary.failed() + " with-hits=" + summary.withHits() + " hits=" + summary.hits()
                + (summary.broken() == null ? "" : " stopped") + " sha256=" + summary.sha256()));
        StringBuilder subject = new StringBuilder();
        for (String pair : pairs) {
            String piece = shorten(pair, SUBJECT - 2);
            if (subject.length() + piece.length() + 1 > SUBJECT) {
                accesses.add(AccessLog.Access.by(actor, HITS, subject.toString()));
                subject.setLength(0);
            }
            subject.append(subject.length() == 0 ? "" : ";").append(piece);
        }
        if (subject.length() > 0) {
            accesses.add(AccessLog.Access.by(actor, HITS, subject.toString()));
        }
        return accesses;
    }

    private static String shorten(String text, int max) {
        String flat = text.replaceAll("\\p{Cntrl}", " ");
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
