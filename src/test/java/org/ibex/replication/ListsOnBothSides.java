package org.ibex.replication;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The partition week's watchlist changes on both sides: headquarters' list manager keeps a national list (one
 * person added and one removed while the posts are offline), and the airport's supervisor keeps the post's own list
 * (changed while offline). After the catch-up a crossing of the added person hits at each post and reaches
 * headquarters with its hit, the removed person no longer hits, and the post's own list is the post's alone.
 */
final class ListsOnBothSides {
    static final String NATIONAL = "wanted";
    static final String POST_LIST = "air-local";
    static final String STALE = "reference-stale";
    private static final String FILLERS = "W1,Nakamura Hiroshi\nW2,Fitzgerald Siobhan\nW3,Castellanos Ignacio\n";
    /** On the national list before the partition, removed by headquarters during it. */
    private static final String[] REMOVED = {"OYELARAN", "ADEBAYO", "PL7000001"};
    /** Added by headquarters during the partition. */
    private static final String[] ADDED = {"KOWALCZYK", "BARTOSZ", "PL7000002"};

    private final NodeClient manager;
    private final Week.Side airport;
    private final Week.Side land;
    private final List<String> listedUids = new ArrayList<>();
    private final List<String> delistedUids = new ArrayList<>();

    ListsOnBothSides(NodeClient manager, Week.Side airport, Week.Side land) {
        this.manager = manager;
        this.airport = airport;
        this.land = land;
    }

    /** Headquarters' first version of the national list, and the airport's own list. */
    void beforePartition() throws Exception {
        manager.replaceList(NATIONAL, "id,name\nW0," + name(REMOVED) + "\n" + FILLERS, "&owner=Interior");
        airport.supervisor().replaceList(POST_LIST, "id,name\nP1,Lindqvist Ingrid\n", "");
    }

    /** Whether both posts screen the national list's person that is about to be removed (their first copy). */
    boolean postsHoldFirstCopy() throws Exception {
        return hitsNational(airport, name(REMOVED)) && hitsNational(land, name(REMOVED));
    }

    /** The airport's supervisor adds a person to the post's own list, headquarters out of reach. */
    void changeAtPost() throws Exception {
        airport.supervisor().replaceList(POST_LIST, "id,name\nP1,Lindqvist Ingrid\nP2,Varga Zoltan\n", "");
    }

    /** Headquarters adds one person to the national list and removes another, the posts not yet in touch. */
    void changeAtHeadquarters() throws Exception {
        manager.replaceList(NATIONAL, "id,name\nW4," + name(ADDED) + "\n" + FILLERS, "&confirmRemoval=1");
    }

    /** Whether both posts screen against headquarters' new version: the added person hits, the removed one not. */
    boolean postsHoldNewVersion() throws Exception {
        return hitsNational(airport, name(ADDED)) && hitsNational(land, name(ADDED))
                && !hitsNational(airport, name(REMOVED)) && !hitsNational(land, name(REMOVED));
    }

    /** A crossing of each person at each post: the added one is a hit there, the removed one is not. */
    void crossAtBothPosts(Week week) throws Exception {
        for (Week.Side side : List.of(airport, land)) {
            String post = side.post().id().toLowerCase();
            JsonNode listed = week.arrivalNow(side, "listed-" + post, Week.named(ADDED[0], ADDED[1], ADDED[2]));
            assertThat(nationalHits(listed.path("hits"))).as("hits of the added person at %s", post).isNotEmpty();
            assertThat(reasonCodes(listed.path("crossing"))).as("reasons at %s after catch-up", post)
                    .doesNotContain(STALE);
            listedUids.add(side.post().id() + "/listed-" + post);
            JsonNode delisted = week.arrivalNow(side, "delisted-" + post,
                    Week.named(REMOVED[0], REMOVED[1], REMOVED[2]));
            assertThat(nationalHits(delisted.path("hits"))).as("hits of the removed person at %s", post).isEmpty();
            delistedUids.add(side.post().id() + "/delisted-" + post);
        }
    }

    /** Whether headquarters holds both posts' crossings of the listed person with their hit. */
    boolean headquartersHoldsTheHits(NodeClient analyst) throws Exception {
        Map<String, Long> ids = new java.util.HashMap<>();
        for (JsonNode crossing : analyst.crossings()) {
            ids.put(crossing.path("postId").asText() + "/" + crossing.path("uid").asText(),
                    crossing.path("id").asLong());
        }
        if (!ids.keySet().containsAll(listedUids) || !ids.keySet().containsAll(delistedUids)) {
            return false;
        }
        for (String uid : listedUids) {
            if (nationalHits(analyst.hits(ids.get(uid))).isEmpty()) {
                return false;
            }
        }
        for (String uid : delistedUids) {
            assertThat(nationalHits(analyst.hits(ids.get(uid)))).as("hits of %s at HQ", uid).isEmpty();
        }
        return true;
    }

    static List<String> reasonCodes(JsonNode crossing) {
        List<String> codes = new ArrayList<>();
        crossing.path("reasons").forEach(r -> codes.add(r.path("code").asText()));
        return codes;
    }

    private static boolean hitsNational(Week.Side side, String name) throws Exception {
        return !nationalHits(side.officer().screen(name)).isEmpty();
    }

    private static List<JsonNode> nationalHits(JsonNode hits) {
        List<JsonNode> found = new ArrayList<>();
        hits.forEach(h -> {
            if (h.path("listId").asText().equals(NATIONAL)) {
                found.add(h);
            }
        });
        return found;
    }

    private static String name(String[] person) {
        return person[0].charAt(0) + person[0].substring(1).toLowerCase() + " " + person[1].charAt(0)
                + person[1].substring(1).toLowerCase();
    }
}
