package org.ibex.replication;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.ibex.border.CrossingRecords;
import org.ibex.border.Decision;
import org.ibex.border.Direction;
import org.ibex.border.Post;
import org.ibex.border.TravelDocument;
import org.ibex.delivery.ReceivedMessage;
import org.ibex.journal.JournalRecord;
import org.ibex.journal.RecordKinds;
import org.ibex.store.Database;
import org.ibex.store.Json;
import org.ibex.trust.NodeIdentity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One post node's journal of crossings as its headquarters receives it: records numbered without gaps in the order
 * the post captured them, handed to a real {@link NationalStore} in batches, as the exchange would hand them over.
 */
final class PostFeed {
    private static final ObjectMapper JSON = Json.mapper();
    final NodeIdentity node;
    final Post post;
    private final List<JournalRecord> journal = new ArrayList<>();
    private int sent;

    PostFeed(NodeIdentity node, Post post) {
        this.node = node;
        this.post = post;
    }

    /** A traveller's passport, the one fact headquarters links persons by. */
    static TravelDocument passport(String surname, String number) {
        return new TravelDocument("P", "FRA", number, surname, "ANNE", "FRA", java.time.LocalDate.of(1985, 3, 9), "F",
                java.time.LocalDate.of(2034, 1, 1), null, null, null);
    }

    /** Journals a crossing captured at {@code recordedAt}; returns its uid. */
    String capture(Direction direction, TravelDocument document, Instant occurredAt, Instant recordedAt) {
        return capture(direction, Decision.ADMIT, document, occurredAt, recordedAt, null, null);
    }

    String capture(Direction direction, Decision decision, TravelDocument document, Instant occurredAt,
                   Instant recordedAt, String supersedesUid, String correctionReason) {
        String uid = post.id() + "-" + UUID.randomUUID();
        CrossingRecords.ReplicatedCrossing crossing = new CrossingRecords.ReplicatedCrossing(uid, direction, post.id(),
                post.name(), post.kind(), post.zone().getId(), "officer." + post.id(), occurredAt, document, null,
                List.of(), decision, List.of(), supersedesUid, correctionReason, recordedAt, false, null, false,
                List.of());
        try {
            journal.add(new JournalRecord(journal.size() + 1, RecordKinds.CROSSING, post.id(), recordedAt,
                    JSON.writeValueAsString(crossing)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return uid;
    }

    /** Whether records wait to be sent. */
    boolean waiting() {
        return sent < journal.size();
    }

    /** The capture time of the next record to send. */
    Instant nextCapturedAt() {
        return journal.get(sent).capturedAt();
    }

    /** Sends up to {@code count} waiting records as one batch to {@code store}; returns the store's answer. */
    String send(Database database, NationalStore store, int count) {
        List<JournalRecord> records = List.copyOf(journal.subList(sent, (int) Math.min(journal.size(), (long) sent + count)));
        sent += records.size();
        RecordBatch batch = new RecordBatch(node.toString(), journal.size(), null, records);
        ReceivedMessage message = new ReceivedMessage(UUID.randomUUID().toString(), node, RecordBatch.TYPE, "records",
                sent, batch.encode());
        return database.inTransaction(connection -> store.handle(connection, message));
    }

    /** Sends everything waiting. */
    String sendAll(Database database, NationalStore store) {
        return send(database, store, Integer.MAX_VALUE);
    }
}
