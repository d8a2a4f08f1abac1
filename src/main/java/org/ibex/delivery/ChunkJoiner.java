package org.ibex.delivery;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Handles {@code exchange.chunk}: chunks are processed in stream order, so when the last one is handed over all
 * the others are stored; it joins them, checks the whole digest, and passes the original to the inbox, which
 * verifies it like any arrival. The original is then processed as a message of its own.
 */
final class ChunkJoiner implements InboxHandler {
    private final Inbox inbox;

    ChunkJoiner(Inbox inbox) {
        this.inbox = inbox;
    }

    @Override
    public String handle(Connection connection, ReceivedMessage message) throws SQLException {
        Chunks.Part part;
        try {
            part = Chunks.parse(message.payload());
        } catch (IllegalArgumentException e) {
            return "refused: " + e.getMessage();
        }
        if (!(Chunks.STREAM_PREFIX + part.originalId()).equals(message.stream()) || message.sequence() != part.index() + 1) {
            return "refused: chunk " + part.index() + " of " + part.originalId() + " is out of place in stream "
                    + message.stream() + " at " + message.sequence();
        }
        if (part.index() < part.count() - 1) {
            return "chunk " + (part.index() + 1) + " of " + part.count();
        }
        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        int joined = 0;
        try (PreparedStatement select = connection.prepareStatement("SELECT wire FROM exchange_inbox WHERE sender = ?"
                + " AND stream = ? ORDER BY sequence")) {
            select.setString(1, message.sender().toString());
            select.setString(2, message.stream());
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Chunks.Part piece = Chunks.parse(Rows.payload(row.getBytes(1)));
                    if (piece.index() != joined || piece.count() != part.count()) {
                        return "refused: chunk " + joined + " of " + part.originalId() + " is missing or inconsistent";
                    }
                    whole.writeBytes(piece.bytes());
                    joined++;
                }
            }
        }
        byte[] wire = whole.toByteArray();
        if (joined != part.count() || !MessageDigest.isEqual(Rows.sha256(wire), part.wholeSha256())) {
            return "refused: the " + joined + " chunks of " + part.originalId() + " do not make the announced whole";
        }
        BatchReply.Item result = inbox.receiveJoined(connection, wire, message.sender()).items().get(0);
        return "joined " + part.originalId() + " from " + joined + " chunks: " + result.status()
                + (result.code() == null ? "" : " " + result.code());
    }
}
