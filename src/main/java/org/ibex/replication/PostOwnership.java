package org.ibex.replication;

import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * Which border posts a node reports, as headquarters' national store knows it: the posts named by records of that
 * node that were not refused (a post reports through one node; the national store refuses a second one).
 */
public final class PostOwnership {

    /** The ids of the posts {@code origin} reports, in order; empty before its first record. */
    public List<String> postsOf(Connection connection, String origin) throws SQLException {
        // One probe of the (post_id, origin_node) index per known post: the post table is small, the store is not.
        try (PreparedStatement select = connection.prepareStatement("SELECT p.id FROM post p WHERE EXISTS (SELECT 1"
                + " FROM national_record r WHERE r.post_id = p.id AND r.origin_node = ?"
                + " AND r.outcome NOT LIKE 'refused:%') ORDER BY p.id")) {
            Sql.bindAll(select, origin);
            return Sql.list(select, row -> row.getString(1));
        }
    }
}
