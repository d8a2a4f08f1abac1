package org.ibex.analytics;

import org.ibex.store.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

/** What the roll-up tests stand on: posts in given time zones, persons to cross, and an order for keys. */
final class RollupFixtures {
    private RollupFixtures() {
    }

    /** Adds the posts (id = name, in {@code zones}) and {@code persons} persons; their ids. */
    static long[] postsAndPersons(Database database, String[] posts, String[] zones, int persons) {
        return database.inTransaction(connection -> {
            for (int i = 0; i < posts.length; i++) {
                try (PreparedStatement insert = connection.prepareStatement(
                        "INSERT INTO post(id, name, kind, zone_id) VALUES (?, ?, 'LAND', ?)")) {
                    insert.setString(1, posts[i]);
                    insert.setString(2, posts[i]);
                    insert.setString(3, zones[i]);
                    insert.executeUpdate();
                }
            }
            long[] ids = new long[persons];
            for (int i = 0; i < ids.length; i++) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO person(surname, given_names,"
                        + " nationality, sex, created_at) VALUES ('DOE', 'JANE', 'UTO', 'F', CURRENT_TIMESTAMP)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        ids[i] = key.getLong(1);
                    }
                }
            }
            return ids;
        });
    }

    /** Keys in their natural order, element by element. */
    static int compare(List<String> a, List<String> b) {
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = a.get(i).compareTo(b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }
}
