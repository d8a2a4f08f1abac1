package org.ibex.delivery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;

/** Batch receipts, each stored once under its digest; outbox and inbox rows name the one that covers them. */
final class ReceiptRows {
    private ReceiptRows() {
    }

    /** The key rows use for {@code wire}: lower-case hex SHA-256 of the receipt's wire form. */
    static String digest(byte[] wire) {
        return HexFormat.of().formatHex(Rows.sha256(wire));
    }

    /** Stores {@code wire} unless it is there already; returns its digest. */
    static String store(Connection connection, byte[] wire, Instant now) throws SQLException {
        String digest = digest(wire);
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM exchange_receipt WHERE digest = ?")) {
            select.setString(1, digest);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return digest;
                }
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO exchange_receipt (digest, wire,"
                + " stored_at) VALUES (?,?,?)")) {
            insert.setString(1, digest);
            insert.setBytes(2, wire);
            insert.setObject(3, Rows.timestamp(now));
            insert.executeUpdate();
        }
        return digest;
    }
}
