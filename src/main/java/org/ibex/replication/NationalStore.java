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
import java.util.HashMap;
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
    public static final String UNREADABLE = "unreadable: ";
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
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO national_record (origin_node,"
                + " origin_seq, kind, post_id, captured_at, received_at, envelope_id, payload, outcome)"
                + " VALUES (?,?,?,?,?,?,?,?,?)")) {
            for (JournalRecord record : batch.records()) {
                if (record.seq() <= held) {
                    already++;
                    continue;
                }
                String outcome;
                Optional<String> owner = record.postId() == null ? Optional.empty()
                        : owners.computeIfAbsent(record.postId(), post -> otherOwner(connection, post, origin));
                if (owner.isPresent()) {
                    outcome = "refused: post " + record.postId() + " reports through " + owner.get();
                    refused++;
                } else {
                    RecordApplier.Applied result = apply(connection, origin, record);
                    outcome = result.outcome();
                    if (result.personId() != null) {
                        persons.add(result.personId());
                    }
                    if (outcome.startsWith(UNREADABLE)) {
                        unreadable++;
                    } else {
                        applied++;
                    }
                }
                Sql.bindAll(insert, origin, record.seq(), record.kind(), record.postId(), record.capturedAt(), now,
                        message.id());
                insert.setBytes(8, record.payload().getBytes(StandardCharsets.UTF_8));
                insert.setString(9, outcome.length() > MAX_OUTCOME ? outcome.substring(0, MAX_OUTCOME) : outcome);
                insert.addBatch();
            }
            insert.executeBatch();
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
     * Applies one record through the applier of its kind. A payload its applier cannot read (appliers read and check
     * it before they write) is kept with the reason and the stream goes on: retrying could never make it readable,
     * and holding it would hold every later record of the post.
     */
    private RecordApplier.Applied apply(Connection connection, String origin, JournalRecord record)
            throws SQLException {
        RecordApplier applier = appliers.get(record.kind());
        if (applier == null) {
            return RecordApplier.Applied.kept("kept: no applier for kind " + record.kind());
        }
        try {
            return applier.apply(connection, origin, record);
        } catch (IllegalArgumentException e) {
            return RecordApplier.Applied.kept(UNREADABLE + e.getMessage());
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
