package org.ibex.replication;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Which border posts a node serves: those headquarters' admin assigned to it ({@link PostNodes}), and those named by
 * records of that node that were not refused, unless assigned to another node (a post reports through one node; the
 * national store refuses a second one).
 */
public final class PostOwnership {

    /** The ids of the posts {@code origin} serves, in order; empty before its first record or assignment. */
    public List<String> postsOf(Connection connection, String origin) throws SQLException {
        // One probe of the (post_id, origin_node) index per known post: the post table is small, the store is not.
        try (PreparedStatement select = connection.prepareStatement("SELECT p.id FROM post p"
                + " LEFT JOIN post_node n ON n.post_id = p.id WHERE n.node_id = ? OR n.node_id IS NULL AND EXISTS"
                + " (SELECT 1 FROM national_record r WHERE r.post_id = p.id AND r.origin_node = ?"
                + " AND r.outcome NOT LIKE 'refused:%') ORDER BY p.id")) {
            Sql.bindAll(select, origin, origin);
            return Sql.list(select, row -> row.getString(1));
        }
    }

    /**
     * The node other than {@code origin} that serves {@code post}: the one assigned to it, else the one whose records
     * named it first; empty when {@code origin} may report it.
     */
    static Optional<String> otherOwner(Connection connection, String post, String origin) throws SQLException {
        Optional<String> assigned = PostNodes.of(connection, post);
        if (assigned.isPresent()) {
            return assigned.filter(node -> !node.equals(origin));
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT origin_node FROM national_record"
                + " WHERE post_id = ? AND origin_node <> ? AND outcome NOT LIKE 'refused:%' FETCH FIRST 1 ROWS ONLY")) {
            Sql.bindAll(select, post, origin);
            return Sql.list(select, row -> row.getString(1)).stream().findFirst();
        }
    }
}
