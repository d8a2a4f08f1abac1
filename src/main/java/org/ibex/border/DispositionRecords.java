package org.ibex.border;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.store.Json;
import org.ibex.watchlist.Clearance;
import org.ibex.watchlist.Clearances;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.StoredHit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Dispositions of hits as they travel from a post to headquarters. A hit is named globally by its post, its
 * crossing's uid and the list entry it named (row ids mean nothing elsewhere); its crossing came earlier in the same
 * ordered stream, so headquarters finds its copy and appends the disposition, and keeps the clearance a false alert
 * made (or the revocation a confirmation or a supervisor made) as the post did.
 */
public final class DispositionRecords implements RecordApplier {
    private static final ObjectMapper JSON = Json.mapper();
    private final CrossingRepository crossings = new CrossingRepository();
    private final HitRepository hits = new HitRepository();
    private final Clearances clearances = new Clearances();

    /** What was done to the hit: one of the two dispositions, or the revocation of the clearance it made. */
    public enum Act { CONFIRMED, FALSE_ALERT, CLEARANCE_REVOKED }

    /**
     * A disposition as it leaves its post. {@code clearanceExpires}: until when the false alert's clearance
     * suppresses the person's hits on the entry (null for the other acts).
     */
    public record ReplicatedDisposition(String postId, String crossingUid, String listId, String entryId, Act act,
                                        String reason, String decidedBy, Instant decidedAt, Instant clearanceExpires) {
    }

    static ReplicatedDisposition payload(Crossing crossing, StoredHit hit, Act act, String reason, String by,
                                         Instant at, Instant clearanceExpires) {
        return new ReplicatedDisposition(crossing.postId(), crossing.uid(), hit.listId(), hit.entryId(), act, reason,
                by, at, clearanceExpires);
    }

    /** Reads a disposition record; one that lacks what names its hit is refused as unreadable, never guessed at. */
    public static ReplicatedDisposition read(JournalRecord record) {
        ReplicatedDisposition d;
        try {
            d = JSON.readValue(record.payload(), ReplicatedDisposition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a hit disposition: "
                    + e.getOriginalMessage(), e);
        }
        if (d == null) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a hit disposition: empty payload");
        }
        List<String> missing = new ArrayList<>();
        required(missing, "postId", d.postId());
        required(missing, "crossingUid", d.crossingUid());
        required(missing, "listId", d.listId());
        required(missing, "entryId", d.entryId());
        required(missing, "act", d.act());
        required(missing, "decidedBy", d.decidedBy());
        required(missing, "decidedAt", d.decidedAt());
        if (d.act() == Act.FALSE_ALERT && d.clearanceExpires() == null) {
            missing.add("clearanceExpires");
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a hit disposition: "
                    + String.join(", ", missing) + " required");
        }
        if (d.decidedBy().length() > 80) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a hit disposition: decidedBy must be"
                    + " at most 80 characters");
        }
        if (!d.postId().equals(record.postId())) {
            throw new IllegalArgumentException("record " + record.seq() + " names post " + record.postId()
                    + " but its disposition is of post " + d.postId());
        }
        return d;
    }

    private static void required(List<String> missing, String field, Object value) {
        if (value == null) {
            missing.add(field);
        }
    }

    @Override
    public Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException {
        ReplicatedDisposition d = read(record);
        String named = d.postId() + "/" + d.crossingUid() + " " + d.listId() + "/" + d.entryId();
        Optional<Crossing> crossing = crossings.findByUid(connection, d.postId(), d.crossingUid());
        if (crossing.isEmpty()) {
            return Applied.kept("kept: headquarters holds no crossing " + d.postId() + "/" + d.crossingUid());
        }
        Optional<StoredHit> hit = hits.forCrossing(connection, crossing.get().id()).stream()
                .filter(h -> h.listId().equals(d.listId()) && h.entryId().equals(d.entryId())).findFirst();
        if (hit.isEmpty()) {
            return Applied.kept("kept: crossing/" + crossing.get().id() + " has no hit on " + d.listId() + "/"
                    + d.entryId());
        }
        StoredHit h = hit.get();
        String reason = d.reason() == null ? "" : d.reason().length() > 1000 ? d.reason().substring(0, 1000)
                : d.reason();
        switch (d.act()) {
            case CONFIRMED -> {
                hits.dispose(connection, h, StoredHit.Outcome.CONFIRMED, reason, d.decidedBy(), d.decidedAt());
                List<Long> revoked = clearances.revokeStanding(connection, h.personId(), h.listId(), h.entryId(),
                        d.decidedBy(), d.decidedAt(), "hit of " + named + " confirmed by " + d.decidedBy());
                return Applied.kept("hit/" + h.id() + " confirmed by " + d.decidedBy()
                        + (revoked.isEmpty() ? "" : " revoked clearance/" + revoked));
            }
            case FALSE_ALERT -> {
                hits.dispose(connection, h, StoredHit.Outcome.FALSE_ALERT, reason, d.decidedBy(), d.decidedAt());
                long clearance = clearances.add(connection, h, d.decidedBy(), d.decidedAt(), d.clearanceExpires());
                return Applied.kept("hit/" + h.id() + " false alert, clearance/" + clearance);
            }
            default -> {
                Optional<Clearance> made = clearances.ofHit(connection, h.id());
                if (made.isEmpty()) {
                    return Applied.kept("kept: hit/" + h.id() + " made no clearance at headquarters");
                }
                if (made.get().revokedAt() != null) {
                    return Applied.kept("kept: clearance/" + made.get().id() + " was revoked already");
                }
                clearances.revoke(connection, made.get().id(), d.decidedBy(), d.decidedAt(), reason);
                return Applied.kept("clearance/" + made.get().id() + " revoked by " + d.decidedBy());
            }
        }
    }
}
