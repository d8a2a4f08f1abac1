package org.ibex.confirmation;

import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The responder's tables: partner_search (every probe received) and partner_reference (a hit's reference). */
final class SearchRows {
    private static final String COLUMNS = "id, requester, agreement, purpose, query_type, probe_sha256, fingers,"
            + " outcome, excluded, refusal, received_at, searched_at, deleted_at, receipt";

    private SearchRows() {
    }

    /** A hit's reference as the responder keeps it: by its digest, with what a release may disclose. */
    record Reference(String searchId, String requester, String agreement, Long personId, String document,
                     Instant expiresAt) {
    }

    static boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM partner_search WHERE id = ?")) {
            select.setString(1, id);
            try (ResultSet row = select.executeQuery()) {
                return row.next();
            }
        }
    }

    static void insert(Connection connection, ProbeMessage probe, NodeIdentity requester, String sha,
                       String outcome, String excluded, String refusal, Instant receivedAt, Instant searchedAt,
                       Instant deletedAt, SignedReceipt receipt) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_search(" + COLUMNS
                + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, probe.probeId(), requester.toString(), cut(probe.agreement(), 120),
                    cut(probe.purpose(), 60), cut(probe.query(), 30), sha, probe.fingers().size(), outcome, excluded,
                    cut(refusal, 500), receivedAt, searchedAt, deletedAt, receipt.toStored());
            insert.executeUpdate();
        }
    }

    static void insertReference(Connection connection, String referenceSha, String searchId, String requester,
                                String agreement, Long personId, String document, Instant expiresAt)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO partner_reference(reference_sha256,"
                + " search_id, requester, agreement, person_id, document, expires_at) VALUES (?,?,?,?,?,?,?)")) {
            Sql.bindAll(insert, referenceSha, searchId, requester, agreement, personId, document, expiresAt);
            insert.executeUpdate();
        }
    }

    static Optional<Reference> reference(Connection connection, String referenceSha) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT search_id, requester, agreement,"
                + " person_id, document, expires_at FROM partner_reference WHERE reference_sha256 = ?")) {
            select.setString(1, referenceSha);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Reference(row.getString(1), row.getString(2), row.getString(3),
                        Sql.nullableLong(row, "person_id"), row.getString(5), Sql.instant(row, "expires_at")))
                        : Optional.empty();
            }
        }
    }

    /** The listed document a document hit's reference stands for, or null. */
    static String documentOf(Connection connection, String searchId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT document FROM partner_reference"
                + " WHERE search_id = ?")) {
            select.setString(1, searchId);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    static Optional<PartnerSearch> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS
                + " FROM partner_search WHERE id = ?")) {
            select.setString(1, id);
            List<PartnerSearch> found = Sql.list(select, SearchRows::row);
            return found.stream().findFirst();
        }
    }

    /** The latest probes received, newest first; {@code requester} narrows to one partner when not null. */
    static List<PartnerSearch> list(Connection connection, String requester, int limit) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + COLUMNS + " FROM partner_search"
                + " WHERE (CAST(? AS VARCHAR(100)) IS NULL OR requester = ?) ORDER BY received_at DESC, id"
                + " FETCH FIRST " + Math.max(1, Math.min(limit, 10_000)) + " ROWS ONLY")) {
            Sql.bindAll(select, requester, requester);
            return Sql.list(select, SearchRows::row);
        }
    }

    private static PartnerSearch row(ResultSet row) throws SQLException {
        return new PartnerSearch(row.getString("id"), row.getString("requester"), row.getString("agreement"),
                row.getString("purpose"), row.getString("query_type"), row.getString("probe_sha256"),
                row.getInt("fingers"), row.getString("outcome"), row.getString("excluded"), row.getString("refusal"),
                Sql.instant(row, "received_at"), Sql.instant(row, "searched_at"), Sql.instant(row, "deleted_at"),
                SignedReceipt.ofStored(row.getString("receipt")));
    }

    static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
