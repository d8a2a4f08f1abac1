package org.ibex.replication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.ibex.access.Actor;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.CrossingRequest;
import org.ibex.border.Post;
import org.ibex.node.Node;
import org.ibex.store.Json;
import org.ibex.store.StoreConfig;
import org.ibex.store.TestDatabases;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A node that is told every crossing the moment a post records it, as if no post had ever been offline: one
 * database holding all posts' crossings, whose stays are the ones headquarters must reach once it has caught up.
 */
final class OnlineReference implements AutoCloseable {
    private static final ObjectMapper JSON = Json.mapper();
    private static final Actor ANALYST = new Actor(new User("reference.analyst", Role.ANALYST, null), "reference",
            "test");
    private final Node node;

    private OnlineReference(Node node) {
        this.node = node;
    }

    /** A fresh, unfederated node in {@code data} that knows {@code posts}. */
    static OnlineReference open(Path data, List<Post> posts) throws Exception {
        Files.createDirectories(data);
        StoreConfig store = TestDatabases.freshConfig(data);
        Node node = Node.open(data, Map.of("IBEX_JDBC_URL", store.jdbcUrl(), "IBEX_JDBC_USER", store.user(),
                "IBEX_JDBC_PASSWORD", store.password()), Clock.systemUTC());
        posts.forEach(node.services.posts()::add);
        return new OnlineReference(node);
    }

    /** Records {@code request} as the supervisor or officer of its post; returns the crossing's id here. */
    long record(CrossingRequest request, User user) {
        return node.services.border().record(request, actor(user)).crossing().id();
    }

    long correct(long id, CrossingRequest corrected, String reason, User user) {
        return node.services.border().correct(id, corrected, reason, actor(user)).crossing().id();
    }

    /** Every person's stay as of {@code day}, keyed by {@link #personKey}, with the node's own person id left out. */
    Map<String, JsonNode> stays(LocalDate day) {
        List<Long> ids = node.database.read(connection -> {
            List<Long> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT id FROM person ORDER BY id");
                 ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    found.add(row.getLong(1));
                }
            }
            return found;
        });
        Map<String, JsonNode> stays = new TreeMap<>();
        for (long id : ids) {
            JsonNode stay = JSON.valueToTree(node.services.stays().stayOf(id, day, ANALYST));
            stays.put(personKey(stay), withoutPersonId(stay));
        }
        return stays;
    }

    /** A person as both nodes name them: their ids differ, their facts do not. */
    static String personKey(JsonNode stay) {
        JsonNode p = stay.path("person");
        return p.path("surname").asText() + "|" + p.path("givenNames").asText() + "|" + p.path("dateOfBirth").asText()
                + "|" + p.path("nationality").asText();
    }

    static JsonNode withoutPersonId(JsonNode stay) {
        ObjectNode copy = stay.deepCopy();
        ((ObjectNode) copy.path("person")).remove("id");
        return copy;
    }

    private static Actor actor(User user) {
        return new Actor(user, "reference", "test");
    }

    @Override
    public void close() {
        node.close();
    }
}
