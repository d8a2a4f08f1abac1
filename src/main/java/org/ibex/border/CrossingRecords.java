package org.ibex.border;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonRegistry;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.store.Json;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.ReplicatedHit;
import org.ibex.watchlist.StoredHit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * Crossings as they travel from a post to headquarters: what the post journals with each crossing, and how
 * headquarters makes it one of its own, linking the traveller by its own rules (a document it knows, or the exact
 * name, birth date and nationality; never a doubtful merge) and naming the superseded crossing by its uid.
 */
public final class CrossingRecords implements RecordApplier {
    private static final ObjectMapper JSON = Json.mapper();
    private final CrossingRepository crossings = new CrossingRepository();
    private final PersonRegistry persons = new PersonRegistry();
    private final HitRepository hits = new HitRepository();
    private final CrossingBatch batch = new CrossingBatch(crossings);

    /** A crossing as it leaves its post: everything but the post's row ids, with its post and hits. */
    public record ReplicatedCrossing(String uid, Direction direction, String postId, String postName,
                                     Post.Kind postKind, String zoneId, String officer, Instant occurredAt,
                                     TravelDocument document, Permit permit, List<Check> checks, Decision decision,
                                     List<Reason> reasons, String supersedesUid, String correctionReason,
                                     Instant recordedAt, boolean late, String lateReason, boolean imported,
                                     List<ReplicatedHit> hits) {
    }

    /** The journal payload of a crossing just stored at {@code post}. */
    static ReplicatedCrossing payload(Crossing c, Post post, String supersedesUid, List<StoredHit> stored) {
        return new ReplicatedCrossing(c.uid(), c.direction(), c.postId(), post.name(), post.kind(), c.zoneId(),
                c.officer(), c.occurredAt(), c.document(), c.permit(), c.checks(), c.decision(), c.reasons(),
                supersedesUid, c.correctionReason(), c.recordedAt(), c.late(), c.lateReason(), c.imported(),
                stored.stream().map(ReplicatedHit::of).toList());
    }

    /** Reads a crossing record; a payload this version cannot read is an error the caller reports, never a guess. */
    public static ReplicatedCrossing read(JournalRecord record) {
        ReplicatedCrossing x;
        try {
            x = JSON.readValue(record.payload(), ReplicatedCrossing.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a crossing: "
                    + e.getOriginalMessage(), e);
        }
        // Checked before anything is written: the national store keeps an unreadable record and goes on.
        if (x == null || x.uid() == null || x.direction() == null || x.postId() == null || x.postKind() == null
                || x.occurredAt() == null || x.recordedAt() == null || x.document() == null || x.hits() == null
                || x.decision() == null || x.checks() == null || x.reasons() == null) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a crossing: uid, direction, postId,"
                    + " postKind, occurredAt, recordedAt, document, decision, checks, reasons and hits are required");
        }
        if (x.hits().stream().anyMatch(h -> h == null || h.kind() == null || h.listId() == null || h.entryId() == null
                || h.action() == null || h.explanation() == null || h.createdAt() == null)) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a crossing: each hit needs kind,"
                    + " listId, entryId, action, explanation and createdAt");
        }
        try {
            ZoneId.of(x.zoneId());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("record " + record.seq() + " is not a crossing: zoneId '" + x.zoneId()
                    + "' is not a time zone", e);
        }
        return x;
    }

    /** A batch's crossings at once: the outcome of each is what {@link #apply} one by one gives. */
    @Override
    public List<Applied> applyAll(Connection connection, String originNode, List<JournalRecord> records)
            throws SQLException {
        return batch.apply(connection, records);
    }

    @Override
    public Applied apply(Connection connection, String originNode, JournalRecord record) throws SQLException {
        ReplicatedCrossing x = read(record);
        if (!PostRepository.exists(connection, x.postId())) {
            PostRepository.insert(connection, new Post(x.postId(), x.postName(), x.postKind(), ZoneId.of(x.zoneId())));
        }
        Optional<Crossing> held = crossings.findByUid(connection, x.postId(), x.uid());
        if (held.isPresent()) {
            return new Applied("already held as crossing/" + held.get().id(), held.get().personId());
        }
        TravelDocument d = x.document();
        long personId = persons.link(connection, new PersonFacts(d.surname(), d.givenNames(), d.dateOfBirth(),
                d.nationality(), d.sex(), d.issuingState(), d.documentNumber()), x.recordedAt());
        Long supersedes = null;
        String note = "";
        if (x.supersedesUid() != null) {
            Optional<Crossing> old = crossings.findByUid(connection, x.postId(), x.supersedesUid());
            supersedes = old.filter(o -> o.supersededBy() == null).map(Crossing::id).orElse(null);
            if (supersedes == null) {
                note = " (corrects " + x.supersedesUid() + ", which headquarters "
                        + (old.isPresent() ? "holds already corrected" : "does not hold") + ")";
            }
        }
        long id = crossings.insert(connection, new Crossing(0, x.uid(), x.direction(), x.postId(), x.officer(),
                x.occurredAt(), x.zoneId(), personId, d, x.permit(), x.checks(), x.decision(), x.reasons(), supersedes,
                x.correctionReason(), null, x.recordedAt(), x.late(), x.lateReason(), x.imported()));
        for (ReplicatedHit hit : x.hits()) {
            hits.insert(connection, id, personId, hit);
        }
        return new Applied("crossing/" + id + " person/" + personId + (x.hits().isEmpty() ? ""
                : " hits=" + x.hits().size()) + note, personId);
    }
}
