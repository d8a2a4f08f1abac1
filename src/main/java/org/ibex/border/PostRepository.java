package org.ibex.border;

import org.ibex.store.Database;
import org.ibex.store.Sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/** The node's border posts. */
public final class PostRepository {
    private final Database database;

    public PostRepository(Database database) {
        this.database = database;
    }

    public void add(Post post) {
        database.inTransaction(connection -> insert(connection, post));
    }

    static int insert(Connection connection, Post post) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO post(id, name, kind, zone_id) VALUES (?,?,?,?)")) {
            Sql.bindAll(insert, post.id(), post.name(), post.kind().name(), post.zone().getId());
            return insert.executeUpdate();
        }
    }

    /** Changes a post's name, kind and zone inside the caller's transaction; 0 when there is no such post. */
    static int update(Connection connection, Post post) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE post SET name = ?, kind = ?, zone_id = ? WHERE id = ?")) {
            Sql.bindAll(update, post.name(), post.kind().name(), post.zone().getId(), post.id());
            return update.executeUpdate();
        }
    }

    /** The post, read inside the caller's transaction. */
    public static Optional<Post> find(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT id, name, kind, zone_id FROM post WHERE id = ?")) {
            Sql.bindAll(select, id);
            return Sql.list(select, PostRepository::post).stream().findFirst();
        }
    }

    /** Adds the post inside the caller's transaction unless one of its id exists; whether it added it. */
    public static boolean ensure(Connection connection, Post post) throws SQLException {
        return !exists(connection, post.id()) && insert(connection, post) == 1;
    }

    static boolean exists(Connection connection, String id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM post WHERE id = ?")) {
            Sql.bindAll(select, id);
            return !Sql.list(select, row -> 1).isEmpty();
        }
    }

    public List<Post> all() {
        return select("SELECT id, name, kind, zone_id FROM post ORDER BY id");
    }

    public Optional<Post> find(String id) {
        return select("SELECT id, name, kind, zone_id FROM post WHERE id = ?", id).stream().findFirst();
    }

    private List<Post> select(String sql, Object... args) {
        return database.read(connection -> {
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                Sql.bindAll(select, args);
                return Sql.list(select, PostRepository::post);
            }
        });
    }

    private static Post post(java.sql.ResultSet row) throws SQLException {
        return new Post(row.getString("id"), row.getString("name"), Post.Kind.valueOf(row.getString("kind")),
                ZoneId.of(row.getString("zone_id")));
    }
}
