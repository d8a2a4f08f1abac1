package org.ibex.bench;

import org.ibex.border.Post;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Which posts a synthetic history crosses at: those the store holds (all, or the ones named), else three of its own. */
public final class HistoryPosts {
    /** The posts used when the store has none: an airport, a land crossing and a port of Utopia. */
    public static final List<Post> DEFAULT = List.of(
            new Post("UTO-AIR", "Utopia International Airport", Post.Kind.AIRPORT, ZoneId.of("Australia/Brisbane")),
            new Post("UTO-LAND", "Northern Highway Land Crossing", Post.Kind.LAND, ZoneId.of("Australia/Brisbane")),
            new Post("UTO-SEA", "Port of Utopia", Post.Kind.SEAPORT, ZoneId.of("Australia/Brisbane")));

    private HistoryPosts() {
    }

    /** {@code named} (empty: all) out of {@code held}; an unknown name is an error naming the known ones. */
    public static List<Post> choose(List<Post> held, List<String> named) {
        List<Post> pool = held.isEmpty() ? DEFAULT : held;
        if (named == null || named.isEmpty()) {
            return pool;
        }
        Map<String, Post> byId = new TreeMap<>();
        pool.forEach(p -> byId.put(p.id(), p));
        List<Post> chosen = new ArrayList<>();
        for (String id : named) {
            Post post = byId.get(id.strip());
            if (post == null) {
                throw new IllegalArgumentException("--posts: unknown post '" + id + "' (known: "
                        + String.join(",", byId.keySet()) + ")");
            }
            if (!chosen.contains(post)) {
                chosen.add(post);
            }
        }
        return chosen;
    }
}
