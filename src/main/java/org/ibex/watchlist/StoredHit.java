package org.ibex.watchlist;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A hit as recorded at a crossing: its status, the latest disposition and the whole trail of them (rows are
 * never changed), and the clearance that suppressed it when there was one.
 */
public record StoredHit(long id, long crossingId, long personId, WatchlistHit.Kind kind, String listId, String entryId,
                        double score, EntryAction action, String explanation, Instant createdAt, Status status,
                        Disposition disposition, List<Disposition> history, Suppression suppression) {

    /** What someone concluded about a hit, and why. */
    public record Disposition(Outcome outcome, String reason, String decidedBy, Instant decidedAt) {
    }

    /** A hit is either the listed person or document, or a false alert. */
    public enum Outcome { CONFIRMED, FALSE_ALERT }

    /**
     * Where the hit stands: nobody decided yet; one person confirmed it and a second (a supervisor) must; two
     * people confirmed it; or it was cleared as a false alert.
     */
    public enum Status { OPEN, CONFIRMATION_PENDING, CONFIRMED, CLEARED }

    /** The clearance that kept this hit from stopping the traveller, in words the officer reads. */
    public record Suppression(long clearanceId, String clearedBy, Instant clearedAt, Instant expiresAt, String note) {
        public static Suppression of(long clearanceId, String clearedBy, Instant clearedAt, Instant expiresAt) {
            return new Suppression(clearanceId, clearedBy, clearedAt, expiresAt, "suppressed by " + clearedBy + " on "
                    + clearedAt.atOffset(ZoneOffset.UTC).toLocalDate() + " as a false alert for this person, until "
                    + expiresAt.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }

    /** The status a trail of dispositions leads to; a clearance starts a new round of confirmations. */
    public static Status statusOf(List<Disposition> history) {
        return new Round(history).status;
    }

    /** Who confirmed the hit since it was last cleared. */
    public Set<String> confirmers() {
        return new Round(history).confirmers;
    }

    private static final class Round {
        private final Set<String> confirmers = new HashSet<>();
        private Status status = Status.OPEN;

        Round(List<Disposition> history) {
            for (Disposition d : history) {
                if (status == Status.CONFIRMED) {
                    return;
                }
                if (d.outcome() == Outcome.CONFIRMED) {
                    confirmers.add(d.decidedBy());
                    status = confirmers.size() >= 2 ? Status.CONFIRMED : Status.CONFIRMATION_PENDING;
                } else {
                    confirmers.clear();
                    status = Status.CLEARED;
                }
            }
        }
    }
}
