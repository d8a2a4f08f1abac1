package org.ibex.delivery;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;

/** Small conversions shared by the outbox and inbox tables and the wire form. */
final class Rows {
    private Rows() {
    }

    static OffsetDateTime timestamp(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static Instant instant(ResultSet row, int column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static String describe(String peer, String type, String stream, long sequence) {
        return "peer=" + peer + " type=" + type + (stream == null ? "" : " stream=" + stream + " seq=" + sequence);
    }

    /** The payload part of a wire envelope: everything after the token's line feed. */
    static byte[] payload(byte[] wire) {
        for (int i = 0; i < wire.length; i++) {
            if (wire[i] == '\n') {
                return Arrays.copyOfRange(wire, i + 1, wire.length);
            }
        }
        return new byte[0];
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
