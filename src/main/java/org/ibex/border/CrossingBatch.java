package org.ibex.border;

import org.ibex.identity.PersonFacts;
import org.ibex.identity.PersonLinks;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.journal.RecordApplier.Applied;
import org.ibex.store.Sql;
import org.ibex.watchlist.HitRepository;
import org.ibex.watchlist.ReplicatedHit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@link CrossingRecords#apply} for a batch's crossings at once, with the same outcome record by record: the
 * crossings already held are read with one query, travellers linked together ({@link PersonLinks}), and crossings
 * and hits inserted as JDBC batches. A correction of a crossing earlier in the same batch sends the crossings
 * pending so far first, so it names the row it supersedes.
 */
final class CrossingBatch {
    private static final int CHUNK = 500;
    private final CrossingRepository crossings;
    private final PersonLinks persons = new PersonLinks();

    /** A crossing held here, from the database or from earlier in the batch (row -1 until its batch is sent). */
    private static final class Held {
        final String postId;
        final Long personId;
        final int row;
        long id;
        boolean superseded;

        Held(String postId, long id, Long personId, boolean superseded, int row) {
            this.postId = postId;
            this.id = id;
            this.personId = personId;
            this.superseded = superseded;
            this.row = row;
        }
    }

    CrossingBatch(CrossingRepository crossings) {
        this.crossings = crossings;
    }

    List<Applied> apply(Connection connection, List<JournalRecord> records) throws SQLException {
        int n = records.size();
        CrossingRecords.ReplicatedCrossing[] read = new CrossingRecords.ReplicatedCrossing[n];
        Applied[] results = new Applied[n];
        Set<Key> keys = new HashSet<>();
        for (int i = 0; i < n; i++) {
            try {
                read[i] = CrossingRecords.read(records.get(i));
                keys.add(new Key(read[i].postId(), read[i].uid()));
                if (read[i].supersedesUid() != null) {
                    keys.add(new Key(read[i].postId(), read[i].supersedesUid()));
                }
            } catch (IllegalArgumentException e) {
                results[i] = Applied.kept(RecordApplier.UNREADABLE + e.getMessage());
            }
        }
        Map<Key, Held> held = held(connection, keys);
        // Which records are new, in order: a uid seen earlier (held, or new earlier in this batch) is already held.
        Held[] already = new Held[n];
        List<Integer> fresh = new ArrayList<>();
        Set<String> posts = new HashSet<>();
        Map<String, Integer> newUids = new HashMap<>();
        for (int i = 0; i < n; i++) {
            CrossingRecords.ReplicatedCrossing x = read[i];
            if (x == null) {
                continue;
            }
            if (posts.add(x.postId()) && !PostRepository.exists(connection, x.postId())) {
                PostRepository.insert(connection, new Post(x.postId(), x.postName(), x.postKind(), ZoneId.of(x.zoneId())));
            }
            Held h = held.get(new Key(x.postId(), x.uid()));
            if (h != null && h.postId.equals(x.postId())) {
                already[i] = h;
            } else if (newUids.containsKey(x.uid()) && read[newUids.get(x.uid())].postId().equals(x.postId())) {
                already[i] = new Held(x.postId(), -1, null, false, newUids.get(x.uid()));
            } else {
                newUids.putIfAbsent(x.uid(), i);
                fresh.add(i);
            }
        }
        List<PersonFacts> facts = new ArrayList<>(fresh.size());
        List<Instant> times = new ArrayList<>(fresh.size());
        for (int i : fresh) {
            TravelDocument d = read[i].document();
            facts.add(new PersonFacts(d.surname(), d.givenNames(), d.dateOfBirth(), d.nationality(), d.sex(),
                    d.issuingState(), d.documentNumber()));
            times.add(read[i].recordedAt());
        }
        long[] personIds = persons.linkAll(connection, facts, times);
        long[] ids = insert(connection, read, fresh, personIds, held, results);
        for (int i = 0; i < n; i++) {
            if (already[i] != null) {
                Held h = already[i];
                long id = h.row >= 0 ? ids[h.row] : h.id;
                Long person = h.row >= 0 ? results[h.row].personId() : h.personId;
                results[i] = new Applied("already held as crossing/" + id, person);
            }
        }
        List<Applied> out = new ArrayList<>(n);
        Collections.addAll(out, results);
        return out;
    }

    /** Inserts the new crossings and their hits in order; their ids by record index. */
    private long[] insert(Connection connection, CrossingRecords.ReplicatedCrossing[] read, List<Integer> fresh,
                          long[] personIds, Map<Key, Held> held, Applied[] results) throws SQLException {
        long[] ids = new long[read.length];
        String[] notes = new String[read.length];
        List<Integer> pending = new ArrayList<>();
        Map<String, Held> made = new HashMap<>();
        List<Crossing> counted = new ArrayList<>(fresh.size());
        try (PreparedStatement insert = connection.prepareStatement(CrossingRepository.INSERT,
                Statement.RETURN_GENERATED_KEYS);
             PreparedStatement hits = connection.prepareStatement(HitRepository.INSERT_REPLICATED)) {
            for (int k = 0; k < fresh.size(); k++) {
                int i = fresh.get(k);
                CrossingRecords.ReplicatedCrossing x = read[i];
                long personId = personIds[k];
                Long supersedes = null;
                String note = "";
                if (x.supersedesUid() != null) {
                    Held old = made.get(x.supersedesUid());
                    if (old == null || !old.postId.equals(x.postId())) {
                        Held stored = held.get(new Key(x.postId(), x.supersedesUid()));
                        old = stored != null && stored.postId.equals(x.postId()) ? stored : null;
                    }
                    if (old != null && !old.superseded) {
                        if (old.id < 0) {
                            send(insert, hits, pending, read, ids, personIds, fresh, made);
                        }
                        supersedes = old.id;
                        old.superseded = true;
                    } else {
                        note = " (corrects " + x.supersedesUid() + ", which headquarters "
                                + (old != null ? "holds already corrected" : "does not hold") + ")";
                    }
                }
                TravelDocument d = x.document();
                Crossing crossing = new Crossing(0, x.uid(), x.direction(), x.postId(), x.officer(),
                        x.occurredAt(), x.zoneId(), personId, d, x.permit(), x.checks(), x.decision(), x.reasons(),
                        supersedes, x.correctionReason(), null, x.recordedAt(), x.late(), x.lateReason(),
                        x.imported());
                crossings.bindInsert(insert, crossing);
                counted.add(crossing);
                insert.addBatch();
                pending.add(k);
                made.putIfAbsent(x.uid(), new Held(x.postId(), -1, personId, false, i));
                notes[i] = note;
            }
            send(insert, hits, pending, read, ids, personIds, fresh, made);
        }
        crossings.countFlows(connection, counted);
        for (int k = 0; k < fresh.size(); k++) {
            int i = fresh.get(k);
            CrossingRecords.ReplicatedCrossing x = read[i];
            results[i] = new Applied("crossing/" + ids[i] + " person/" + personIds[k] + (x.hits().isEmpty() ? ""
                    : " hits=" + x.hits().size()) + notes[i], personIds[k]);
        }
        return ids;
    }

    /** Sends the pending crossings, reads their ids back in order, then sends their hits. */
    private static void send(PreparedStatement insert, PreparedStatement hits, List<Integer> pending,
                             CrossingRecords.ReplicatedCrossing[] read, long[] ids, long[] personIds,
                             List<Integer> fresh, Map<String, Held> made) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        insert.executeBatch();
        try (ResultSet keys = insert.getGeneratedKeys()) {
            for (int k : pending) {
                if (!keys.next()) {
                    throw new SQLException("the database returned fewer keys than crossings inserted");
                }
                int i = fresh.get(k);
                ids[i] = keys.getLong(1);
                Held h = made.get(read[i].uid());
                if (h != null && h.row == i) {
                    h.id = ids[i];
                }
            }
        }
        boolean anyHit = false;
        for (int k : pending) {
            int i = fresh.get(k);
            for (ReplicatedHit hit : read[i].hits()) {
                HitRepository.bindReplicated(hits, ids[i], personIds[k], hit);
                hits.addBatch();
                anyHit = true;
            }
        }
        if (anyHit) {
            hits.executeBatch();
        }
        pending.clear();
    }

    /** A crossing's key: its uid is its post's own. */
    private record Key(String postId, String uid) {
    }

    /** The crossings already held under any of {@code keys}, with whether a correction supersedes them. */
    private static Map<Key, Held> held(Connection connection, Set<Key> keys) throws SQLException {
        Map<Key, Held> found = new HashMap<>();
        for (List<Key> chunk : Sql.chunks(keys, CHUNK)) {
            // By (post, uid), the unique index, as a join with VALUES: a uid alone (IN list) is no prefix of that
            // index, so H2 read every crossing for each batch, and a batch cost more the more crossings were held.
            try (PreparedStatement select = connection.prepareStatement("SELECT c.id, c.post_id, c.uid, c.person_id,"
                    + " (SELECT s.id FROM crossing s WHERE s.supersedes = c.id) FROM (VALUES "
                    + String.join(",", Collections.nCopies(chunk.size(), "(?,?)")) + ") AS w(post_id, uid)"
                    + " JOIN crossing c ON c.post_id = w.post_id AND c.uid = w.uid")) {
                int p = 1;
                for (Key key : chunk) {
                    select.setString(p++, key.postId());
                    select.setString(p++, key.uid());
                }
                try (ResultSet row = select.executeQuery()) {
                    while (row.next()) {
                        boolean superseded = row.getObject(5) != null;
                        found.put(new Key(row.getString(2), row.getString(3)), new Held(row.getString(2), row.getLong(1),
                                (Long) row.getObject(4, Long.class), superseded, -1));
                    }
                }
            }
        }
        return found;
    }
}
