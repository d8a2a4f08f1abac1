package org.ibex.audit;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/** Reads the audit tables; the verifier and the archiver share it. */
final class AuditRows {
    private AuditRows() {
    }

    /** The chain's length and last hash as audit_head states them. */
    record Head(long seq, String hash) {
    }

    /** Visits entries in seq order. */
    @FunctionalInterface
    interface EntryVisitor {
        void visit(AuditEntry entry) throws SQLException;
    }

    static OffsetDateTime timestamp(Instant at) {
        return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Head head(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash FROM audit_head WHERE id = 1");
             ResultSet row = select.executeQuery()) {
            return row.next() ? new Head(row.getLong("seq"), row.getString("hash")) : new Head(0, ChainDigest.GENESIS);
        }
    }

    /** Streams entries with fromSeq < seq <= toSeq, so a long chain is never held in memory. */
    static void entries(Connection connection, long fromSeq, long toSeq, EntryVisitor visitor) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, at, kind, actor, subject, detail, "
                + "prev_hash, hash FROM audit_entry WHERE seq > ? AND seq <= ? ORDER BY seq")) {
            select.setLong(1, fromSeq);
            select.setLong(2, toSeq);
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    visitor.visit(new AuditEntry(row.getLong("seq"), instant(row, "at"), row.getString("kind"),
                            row.getString("actor"), row.getString("subject"), row.getString("detail"),
                            row.getString("prev_hash"), row.getString("hash")));
                }
            }
        }
    }

    static List<Checkpoint> checkpoints(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT seq, hash, signed_at, signer, public_key, "
                + "signature FROM audit_checkpoint ORDER BY seq, signer")) {
            return Sql.list(select, row -> new Checkpoint(row.getLong("seq"), row.getString("hash"),
                    instant(row, "signed_at"), row.getString("signer"), row.getString("public_key"),
                    row.getString("signature")));
        }
    }

    static List<ArchivedSegment> archived(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT first_seq, last_seq, prev_hash, last_hash, file FROM audit_archive ORDER BY first_seq")) {
            return Sql.list(select, row -> new ArchivedSegment(row.getLong("first_seq"), row.getLong("last_seq"),
                    row.getString("prev_hash"), row.getString("last_hash"), row.getString("file")));
        }
    }

    static Optional<ArchivedSegment> lastArchived(Connection connection) throws SQLException {
        List<ArchivedSegment> all = archived(connection);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
