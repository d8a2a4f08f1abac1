package org.ibex.replication;

import org.ibex.delivery.InboxHandler;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordApplier;
import org.ibex.store.Sql;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Headquarters' side of replication: keeps every record of its posts once, by (origin node, sequence), with its
 * origin and local capture time, and makes each part of headquarters' own data through the applier of its kind, in
 * the transaction that marks the batch processed. The exchange hands a post's batches over in order, so a post's
 * records are applied in the order they were captured.
 */
public final class NationalStore implements InboxHandler {
    private static final int MAX_OUTCOME = 1000;
    /** How the outcome of a record whose payload is not what its kind says begins. */
    public static final String UNREADABLE = RecordApplier.UNREADABLE;
    private final FederationRoles roles;
    private final Map<String, RecordApplier> appliers;
    private final StayReview stays;
    private final Clock clock;

    /** What headquarters does for persons whose movements a batch changed: their stays are computed again. */
    @FunctionalInterface
    public interface StayReview {
        void reconsider(Connection connection, Set<Long> personIds, String origin) throws SQLException;
    }

    public NationalStore(FederationRoles roles, Map<String, RecordApplier> appliers, StayReview stays, Clock clock) {
        this.roles = roles;
        this.appliers = Map.copyOf(appliers);
        this.stays = stays;
        this.clock = clock;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        String origin = message.sender().toString();
        if (!roles.isPostOf(message.sender())) {
            return "refused: " + origin + " is not a post of " + roles.self();
        }
        RecordBatch batch;
        try {
            batch = RecordBatch.decode(message.payload());
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
        if (!batch.origin().equals(origin)) {
            return "refused: batch names origin " + batch.origin() + " but was sent by " + origin;
        }
        long held = heldUpTo(connection, origin);
        Instant now = clock.instant();
        Set<Long> persons = new LinkedHashSet<>();
        Map<String, Optional<String>> owners = new HashMap<>();
        int applied = 0;
        int already = 0;
        int refused = 0;
        int unreadable = 0;
        List<JournalRecord> fresh = new ArrayList<>();
        List<RecordApplier.Applied> outcomes = new ArrayList<>();
        for (JournalRecord record : batch.records()) {
            if (record.seq() <= held) {
                already++;
                continue;
            }
            Optional<String> owner = record.postId() == null ? Optional.empty()
                    : owners.computeIfAbsent(record.postId(), post -> otherOwner(connection, post, origin));
            fresh.add(record);
            if (owner.isPresent()) {
                refused++;
            }
            outcomes.add(owner.map(o -> RecordApplier.Applied.kept("refused: post " + record.postId()
                    + " reports through " + o)).orElse(null));
        }
        applyRuns(connection, origin, fresh, outcomes);
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO national_record (origin_node,"
                + " origin_seq, kind, post_id, captured_at, received_at, envelope_id, payload, outcome)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (int i = 0; i < fresh.size(); i++) {
                JournalRecord record = fresh.get(i);
                RecordApplier.Applied result = outcomes.get(i);
                String outcome = result.outcome();
                if (outcome.startsWith("refused: post ")) {
                    // counted above, where the owner was found
                } else if (outcome.startsWith(UNREADABLE)) {
                    unreadable++;
                } else {
                    applied++;
                }
                if (result.personId() != null) {
                    persons.add(result.personId());
                }
                Sql.bindAll(insert, origin, record.seq(), record.kind(), record.postId(), record.capturedAt(), now,
                        message.id());
                insert.setBytes(8, record.payload().getBytes(StandardCharsets.UTF_8));
                insert.setString(9, outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome);
                insert.addBatch();
            }
            if (!fresh.isEmpty()) {
                insert.executeBatch();
            }
        }
        long last = batch.records().isEmpty() ? held : Math.max(held, batch.records().get(batch.records().size() - 1)
                .seq());
        contact(connection, origin, now, last, batch);
        if (!persons.isEmpty()) {
            stays.reconsider(connection, persons, origin);
        }
        return "records " + batch.span() + " from " + origin + ": applied " + applied
                + (already > 0 ? ", already held " + already : "") + (refused > 0 ? ", refused " + refused : "")
                + (unreadable > 0 ? ", unreadable " + unreadable : "");
    }

    /**
     * Applies the records not refused (a null outcome), in order, through the applier of their kind, each run of
     * consecutive records of one kind as a set. A payload its applier cannot read is kept with the reason and the
     * stream goes on: retrying could never make it readable, and holding it would hold every later record of the
     * post.
     */
    private void applyRuns(Connection connection, String origin, List<JournalRecord> records,
                           List<RecordApplier.Applied> outcomes) throws SQLException {
        int i = 0;
        while (i < records.size()) {
            if (outcomes.get(i) != null) {
                i++;
                continue;
            }
            String kind = records.get(i).kind();
            List<Integer> run = new ArrayList<>();
            for (int j = i; j < records.size() && (outcomes.get(j) != null || java.util.Objects.equals(records.get(j).kind(), kind));
                 j++) {
                if (outcomes.get(j) == null) {
                    run.add(j);
                }
                i = j + 1;
            }
            RecordApplier applier = appliers.get(kind);
            if (applier == null) {
                run.forEach(r -> outcomes.set(r, RecordApplier.Applied.kept("kept: no applier for kind " + kind)));
                continue;
            }
            List<RecordApplier.Applied> results = applier.applyAll(connection, origin,
                    run.stream().map(records::get).toList());
            for (int r = 0; r < run.size(); r++) {
                outcomes.set(run.get(r), results.get(r));
            }
        }
    }

    /** The node other than {@code origin} whose records named {@code post} first: a post reports through one node. */
    private static Optional<String> otherOwner(Connection connection, String post, String origin) {
        try (PreparedStatement select = connection.prepareStatement("SELECT origin_node FROM national_record"
                + " WHERE post_id = ? AND origin_node <> ? AND outcome NOT LIKE 'refused:%' FETCH FIRST 1 ROWS ONLY")) {
            Sql.bindAll(select, post, origin);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new org.ibex.store.StoreException("cannot read the owner of post " + post, e);
        }
    }

    /** The highest sequence of {@code origin} held here; 0 before its first record. */
    public static long heldUpTo(Connection connection, String origin) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT last_seq FROM national_post_contact WHERE origin_node = ?")) {
            select.setString(1, origin);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static void contact(Connection connection, String origin, Instant now, long last, RecordBatch batch)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE national_post_contact SET last_batch_at"
                + " = ?, last_seq = ?, journal_head = ?, oldest_waiting_at = ? WHERE origin_node = ?")) {
            Sql.bindAll(update, now, last, batch.journalHead(), batch.oldestWaiting(), origin);
            if (update.executeUpdate() == 1) {
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO national_post_contact (last_batch_at,"
                + " last_seq, journal_head, oldest_waiting_at, origin_node) VALUES (?,?,?,?,?)")) {
            Sql.bindAll(insert, now, last, batch.journalHead(), batch.oldestWaiting(), origin);
            insert.executeUpdate();
        }
    }
}
