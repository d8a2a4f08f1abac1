package org.ibex.replication;

import org.ibex.access.Actor;
import org.ibex.audit.AccessLog;
import org.ibex.border.NotFoundException;
import org.ibex.border.PostRepository;
import org.ibex.input.FieldRuleException;
import org.ibex.store.Database;
import org.ibex.store.Sql;
import org.ibex.trust.NodeIdentity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Headquarters' admin says which node serves a border post (V32 {@code post_node}): the post's accounts reach that
 * node before it ever reported, and another node's records of the post are refused. Without an assignment a post
 * belongs to the node whose records named it first. Every change is audited ({@code post.node}).
 */
public final class PostNodes {
    private final Database database;
    private final AccessLog accessLog;
    private final Clock clock;

    public PostNodes(Database database, AccessLog accessLog, Clock clock) {
        this.database = database;
        this.accessLog = accessLog;
        this.clock = clock;
    }

    /**
     * Assigns the post to node {@code node} (STATE/AGENCY/UNIT), or clears the assignment when {@code node} is blank;
     * the node as stored, empty when cleared. An unknown post is a {@link NotFoundException}.
     */
    public Optional<String> assign(Actor actor, String postId, String node) {
        Optional<String> parsed = node == null || node.isBlank() ? Optional.empty() : Optional.of(parse(node));
        return database.inTransaction(connection -> {
            if (PostRepository.find(connection, postId).isEmpty()) {
                throw new NotFoundException("no post " + postId);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM post_node WHERE post_id = ?")) {
                delete.setString(1, postId);
                delete.executeUpdate();
            }
            if (parsed.isPresent()) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO post_node"
                        + " (post_id, node_id, assigned_by, assigned_at) VALUES (?,?,?,?)")) {
                    Sql.bindAll(insert, postId, parsed.get(), actor.username(), clock.instant());
                    insert.executeUpdate();
                }
            }
            accessLog.record(connection, AccessLog.Access.by(actor, "post.node", "post/" + postId + " node="
                    + parsed.orElse("(learned from records)")));
            return parsed;
        });
    }

    /** The node assigned to serve {@code postId}, if any. */
    public Optional<String> nodeOf(String postId) {
        return database.read(connection -> of(connection, postId));
    }

    /** Every assignment, by post. */
    public Map<String, String> all() {
        return database.read(PostNodes::all);
    }

    static Map<String, String> all(Connection connection) throws SQLException {
        Map<String, String> nodes = new LinkedHashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT post_id, node_id FROM post_node"
                + " ORDER BY post_id")) {
            Sql.list(select, row -> nodes.put(row.getString(1), row.getString(2)));
        }
        return nodes;
    }

    /** The node assigned to serve {@code postId}, if any. */
    static Optional<String> of(Connection connection, String postId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT node_id FROM post_node WHERE post_id = ?")) {
            select.setString(1, postId);
            return Sql.list(select, row -> row.getString(1)).stream().findFirst();
        }
    }

    /** Checks a node id as {@link #assign} would, before anything is stored; a {@link FieldRuleException} if it breaks. */
    public static void check(String node) {
        if (node != null && !node.isBlank()) {
            parse(node);
        }
    }

    private static String parse(String node) {
        try {
            return NodeIdentity.parse(node.strip()).toString();
        } catch (IllegalArgumentException e) {
            throw new FieldRuleException("node", "format", "node must be a node id STATE/AGENCY/UNIT such as"
                    + " UTO/IMM/POST-LAND: " + e.getMessage());
        }
    }
}
