package org.ibex.border;

import org.ibex.access.AccessDeniedException;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.audit.AccessLog;
import org.ibex.journal.RecordJournal;
import org.ibex.journal.RecordKinds;
import org.ibex.store.ConflictException;
import org.ibex.store.Database;
import org.ibex.watchlist.Clearance;
import org.ibex.watchlist.Clearances;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.StoredHit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * What officers and supervisors do with a hit. Confirming takes two people: the first confirmation leaves it
 * pending and a supervisor other than the first completes it. Clearing it as a false alert makes a clearance
 * of this person against this entry that suppresses (not hides) their later hits on it until it expires or a
 * supervisor revokes it. A confirmation outranks a clearance: a confirmed hit, or a person confirmed against the
 * entry, cannot be cleared, an officer cannot clear a hit awaiting its second confirmation, and any confirmation
 * revokes the person's clearances against the entry. Every disposition is appended, logged, and journaled for
 * headquarters in its transaction.
 */
public final class HitReview {
    /** How long a clearance suppresses hits unless the node configures otherwise. */
    public static final Duration DEFAULT_CLEARANCE = Duration.ofDays(180);
    private final Database database;
    private final AccessLog accessLog;
    private final Clock clock;
    private final Duration clearanceLifetime;
    private final CrossingRepository crossings = new CrossingRepository();
    private final HitRepository hits = new HitRepository();
    private final Clearances clearances = new Clearances();
    private final PersonScope scope = new PersonScope();
    private final RecordJournal journal = new RecordJournal();

    public HitReview(Database database, AccessLog accessLog, Clock clock) {
        this(database, accessLog, clock, DEFAULT_CLEARANCE);
    }

    public HitReview(Database database, AccessLog accessLog, Clock clock, Duration clearanceLifetime) {
        if (clearanceLifetime.isNegative() || clearanceLifetime.isZero()) {
            throw new IllegalArgumentException("a clearance must last more than zero days (got " + clearanceLifetime + ")");
        }
        this.database = database;
        this.accessLog = accessLog;
        this.clock = clock;
        this.clearanceLifetime = clearanceLifetime;
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
        String why = reason.length() > 1000 ? reason.substring(0, 1000) : reason;
        Crossing crossing = visibleCrossing(crossingId, actor);
        actor.requirePost(crossing.postId());
        return database.inTransaction(connection -> {
            StoredHit hit = hits.find(connection, hitId).filter(h -> h.crossingId() == crossingId)
                    .orElseThrow(() -> new NotFoundException("no hit " + hitId + " on crossing " + crossingId));
            Instant now = clock.instant();
            String subject = "crossing/" + crossingId + " hit/" + hitId + " " + hit.listId() + "/" + hit.entryId();
            Logged logged = outcome == StoredHit.Outcome.CONFIRMED
                    ? confirm(connection, hit, why, actor, now)
                    : clear(connection, hit, why, actor, now);
            accessLog.record(connection, AccessLog.Access.by(actor, logged.action(), subject + logged.detail()));
            DispositionRecords.Act act = outcome == StoredHit.Outcome.CONFIRMED ? DispositionRecords.Act.CONFIRMED
                    : DispositionRecords.Act.FALSE_ALERT;
            journal.append(connection, RecordKinds.DISPOSITION, crossing.postId(), now, DispositionRecords.payload(
                    crossing, hit, act, why, actor.username(), now, logged.clearanceExpires()));
            return hits.find(connection, hitId).orElseThrow();
        });
    }

    /** Ends a clearance before it expires, so the person's hits on the entry stop them again. */
    public Clearance revokeClearance(long clearanceId, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.of("reason", "required", "revoking a clearance needs a reason");
        }
        return database.inTransaction(connection -> {
            Clearance clearance = clearances.find(connection, clearanceId)
                    .orElseThrow(() -> new NotFoundException("no clearance " + clearanceId));
            if (!scope.visible(connection, clearance.personId(), actor)) {
                // A supervisor revokes clearances of travellers their post deals with; others read as missing.
                throw new NotFoundException("no clearance " + clearanceId);
            }
            if (clearance.revokedAt() != null) {
                throw new ConflictException("already-revoked", "clearance " + clearanceId + " was revoked by "
                        + clearance.revokedBy() + " at " + clearance.revokedAt());
            }
            Instant now = clock.instant();
            clearances.revoke(connection, clearanceId, actor.username(), now, reason);
            journalRevocation(connection, clearance, reason, actor, now);
            accessLog.record(connection, AccessLog.Access.by(actor, "clearance.revoke", "clearance/" + clearanceId
                    + " person/" + clearance.personId() + " " + clearance.listId() + "/" + clearance.entryId()));
            return clearances.find(connection, clearanceId).orElseThrow();
        });
    }

    /** The access-log action of a disposition, what it adds to the subject, and the clearance's end it made. */
    private record Logged(String action, String detail, Instant clearanceExpires) {
    }

    /** Headquarters revokes its copy of the clearance too: named by the hit that made it, as the post knows it. */
    private void journalRevocation(Connection connection, Clearance clearance, String reason, Actor actor, Instant now)
            throws SQLException {
        var hit = hits.find(connection, clearance.hitId());
        var crossing = hit.isEmpty() ? java.util.Optional.<Crossing>empty()
                : crossings.find(connection, hit.get().crossingId());
        if (crossing.isPresent()) {
            journal.append(connection, RecordKinds.DISPOSITION, crossing.get().postId(), now,
                    DispositionRecords.payload(crossing.get(), hit.get(), DispositionRecords.Act.CLEARANCE_REVOKED,
                            reason.length() > 1000 ? reason.substring(0, 1000) : reason, actor.username(), now, null));
        }
    }

    private Logged confirm(Connection connection, StoredHit hit, String reason, Actor actor, Instant now)
            throws SQLException {
        Set<String> confirmers = hit.confirmers();
        if (hit.status() == StoredHit.Status.CONFIRMED) {
            throw new ConflictException("already-confirmed", "hit " + hit.id() + " is already confirmed by "
                    + String.join(" and ", confirmers));
        }
        if (confirmers.contains(actor.username())) {
            throw new ConflictException("second-person-required", actor.username() + " already confirmed hit "
                    + hit.id() + "; a supervisor other than " + actor.username() + " must confirm it to complete it");
        }
        if (!confirmers.isEmpty() && actor.user().role() != Role.SUPERVISOR) {
            throw new AccessDeniedException("hit " + hit.id() + " was confirmed by " + String.join(", ", confirmers)
                    + "; the second confirmation must come from a supervisor");
        }
        hits.dispose(connection, hit, StoredHit.Outcome.CONFIRMED, reason, actor.username(), now);
        // Someone says this is the listed person: no clearance of them against the entry may stand.
        List<Long> revoked = clearances.revokeStanding(connection, hit.personId(), hit.listId(), hit.entryId(),
                actor.username(), now, "hit " + hit.id() + " confirmed by " + actor.username());
        return new Logged(confirmers.isEmpty() ? "hit.confirm_first" : "hit.confirmed",
                revoked.isEmpty() ? "" : " revoked clearance/" + revoked, null);
    }

    private Logged clear(Connection connection, StoredHit hit, String reason, Actor actor, Instant now)
            throws SQLException {
        if (hit.status() == StoredHit.Status.CONFIRMED) {
            throw new ConflictException("confirmed-hit", "hit " + hit.id() + " was confirmed by "
                    + String.join(" and ", hit.confirmers()) + "; a confirmed hit cannot be cleared as a false alert");
        }
        if (hit.status() == StoredHit.Status.CONFIRMATION_PENDING && actor.user().role() != Role.SUPERVISOR) {
            throw new ConflictException("confirmation-pending", "hit " + hit.id() + " was confirmed by "
                    + String.join(", ", hit.confirmers()) + " and awaits a supervisor's second confirmation; only a"
                    + " supervisor may clear it now");
        }
        var confirmed = hits.confirmed(connection, hit.personId(), hit.listId(), hit.entryId());
        if (confirmed.isPresent()) {
            throw new ConflictException("confirmed-person", "this person was confirmed as " + hit.listId() + "/"
                    + hit.entryId() + " on hit " + confirmed.get().id() + " (crossing " + confirmed.get().crossingId()
                    + "); they cannot be cleared against that entry");
        }
        hits.dispose(connection, hit, StoredHit.Outcome.FALSE_ALERT, reason, actor.username(), now);
        Instant expires = now.plus(clearanceLifetime);
        long clearance = clearances.add(connection, hit, actor.username(), now, expires);
        return new Logged("hit.false_alert", " clearance/" + clearance + " until " + expires.atOffset(ZoneOffset.UTC)
                .toLocalDate(), expires);
    }

    private Crossing visibleCrossing(long crossingId, Actor actor) {
        return database.read(c -> crossings.findVisible(c, crossingId, actor));
    }
}
