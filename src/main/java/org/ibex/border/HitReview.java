package org.ibex.border;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.store.Database;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.StoredHit;

import java.time.Clock;
import java.util.List;

/**
 * What the officer does with a hit: confirm it, or clear it as a false alert with a reason. A cleared hit
 * is remembered for this person and entry, so the same traveller is not stopped again for it; every
 * disposition stays on record and in the access log.
 */
public final class HitReview {
    private final Database database;
    private final AccessLog accessLog;
    private final Clock clock;
    private final CrossingRepository crossings = new CrossingRepository();
    private final HitRepository hits = new HitRepository();

    public HitReview(Database database, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    public List<StoredHit> hitsOf(long crossingId, Actor actor) {
        Crossing crossing = visibleCrossing(crossingId, actor);
        List<StoredHit> found = database.read(c -> hits.forCrossing(c, crossing.id()));
        accessLog.record(AccessLog.Access.by(actor, "hits.read", "crossing/" + crossingId));
        return found;
    }

    public StoredHit dispose(long crossingId, long hitId, StoredHit.Outcome outcome, String reason, Actor actor) {
        if (outcome == null) {
            throw InvalidInputException.of("outcome", "required", "outcome must be CONFIRMED or FALSE_ALERT");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", "a disposition needs a reason");
        }
        Crossing crossing = visibleCrossing(crossingId, actor);
        actor.requirePost(crossing.postId());
        return database.inTransaction(connection -> {
            StoredHit hit = hits.find(connection, hitId).filter(h -> h.crossingId() == crossingId)
                    .orElseThrow(() -> new NotFoundException("no hit " + hitId + " on crossing " + crossingId));
            hits.dispose(connection, hit, outcome, reason.length() > 1000 ? reason.substring(0, 1000) : reason,
                    actor.username(), clock.instant());
            accessLog.record(connection, AccessLog.Access.by(actor, "hit." + outcome.name().toLowerCase(),
                    "crossing/" + crossingId + " hit/" + hitId + " " + hit.listId() + "/" + hit.entryId()));
            return hits.find(connection, hitId).orElseThrow();
        });
    }

    private Crossing visibleCrossing(long crossingId, Actor actor) {
        return database.read(c -> crossings.findVisible(c, crossingId, actor));
    }
}
