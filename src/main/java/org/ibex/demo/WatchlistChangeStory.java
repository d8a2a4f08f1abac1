package org.ibex.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.node.Operator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.ibex.demo.OfflinePostStory.AIRPORT;
import static org.ibex.demo.OfflinePostStory.HQ;
import static org.ibex.demo.OfflinePostStory.LAND;
import static org.ibex.demo.OfflinePostStory.PASSWORD;

/**
 * The federation demo's watchlist change: headquarters' list manager keeps a national list; a person added to it
 * reaches both posts as a new version of their copy, and the airport's next inspection of that person hits. Followed
 * hop by hop through the nodes' HTTP APIs.
 */
public final class WatchlistChangeStory {
    public static final String LIST_MANAGER = "hq.lists";
    public static final String LIST = "uto-wanted";
    private static final String DATASET = "watchlist/" + LIST;
    private static final String FIRST = "id,name\nW1,Fitzgerald Siobhan\n";
    private static final String ADDED = "W2,Moraes Valentina\n";
    private static final String MRZ = MrzWriter.td3("BRA", "MORAES", "VALENTINA", "FX8830154", "BRA",
            LocalDate.of(1979, 11, 2), "F", LocalDate.of(2033, 2, 28), null);

    private final StoryTimeline timeline;
    /** The list's version once {@link #makeList} is done: the one the posts must hold before the change. */
    private long firstVersion;

    public WatchlistChangeStory(PrintStream out, Duration timeout) {
        this.timeline = new StoryTimeline(out, timeout);
    }

    /** Headquarters' list manager, seeded before its first start; other nodes need none. */
    static void seed(String node, Node opened) {
        if (!HQ.equals(node)) {
            return;
        }
        opened.services.accounts().seed(Operator.actor("federation demo set-up"), new User(LIST_MANAGER,
                Role.LIST_MANAGER, null), PASSWORD);
    }

    /** The list's first version, made as headquarters starts: it reaches the posts with the rest of its data. */
    public void makeList(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        NodeApi manager = manager(admins);
        for (JsonNode list : manager.get("/api/watchlists")) {
            if (list.path("list").path("id").asText().equals(LIST)) {
                // A demo run before this one added the person: put the list back to its first entry.
                if (list.path("persons").asLong() > 1) {
                    firstVersion = manager.putCsv("/api/watchlists/" + LIST + "?format=csv&confirmRemoval=1", FIRST)
                            .path("version").asLong();
                } else {
                    for (JsonNode version : manager.get("/api/watchlists/" + LIST + "/versions")) {
                        firstVersion = Math.max(firstVersion, version.path("version").asLong());
                    }
                }
                return;
            }
        }
        firstVersion = manager.putCsv("/api/watchlists/" + LIST + "?format=csv&owner=Utopia%20Immigration", FIRST)
                .path("version").asLong();
    }

    /** Adds a person to the list at headquarters and follows the change to both posts and into an inspection. */
    public void addPerson(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        NodeApi manager = manager(admins);
        long before = timeline.await(() -> heldByBoth(admins, firstVersion), "both posts to hold version "
                + firstVersion + " of " + DATASET);
        timeline.begin();
        timeline.add("both posts hold version " + before + " of " + DATASET + " from " + HQ);
        JsonNode listed = manager.putCsv("/api/watchlists/" + LIST + "?format=csv", FIRST + ADDED);
        long version = listed.path("version").asLong();
        timeline.add("list manager at " + HQ + " adds MORAES VALENTINA to " + LIST + ": version " + version);
        for (String post : List.of(AIRPORT, LAND)) {
            JsonNode copy = timeline.await(() -> copy(admins.get(post), version), post + " to hold version "
                    + version + " of " + DATASET);
            timeline.add(NodeApi.instant(copy, "receivedAt").orElseThrow(), "copy of " + DATASET + " at " + post
                    + " moves to version " + version + " (" + copy.path("items").asLong() + " entries, issued at "
                    + HQ + " " + copy.path("issuedAt").asText() + ")");
        }
        NodeApi officer = new NodeApi(AIRPORT + " officer", admins.get(AIRPORT).baseUrl());
        officer.login(OfflinePostStory.officer(AIRPORT), PASSWORD);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", "demo-listed-" + Long.toString(System.currentTimeMillis(), 36));
        request.put("direction", "ENTRY");
        request.put("postId", "UTO-AIR");
        request.put("mrz", MRZ);
        JsonNode recorded = officer.post("/api/crossings", request);
        JsonNode hit = recorded.path("hits").path(0);
        timeline.add("entry of MORAES VALENTINA at " + AIRPORT + ": " + recorded.path("crossing").path("decision")
                .asText() + ", hit on " + hit.path("listId").asText() + " entry " + hit.path("entryId").asText());
        timeline.print("a person added to a national list at " + HQ + " reaches both posts, and the airport's next"
                + " inspection of that person hits");
    }

    private static NodeApi manager(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        NodeApi manager = new NodeApi(HQ + " list manager", admins.get(HQ).baseUrl());
        manager.login(LIST_MANAGER, PASSWORD);
        return manager;
    }

    private static Optional<Long> heldByBoth(Map<String, NodeApi> admins, long atLeast)
            throws IOException, InterruptedException {
        Optional<JsonNode> airport = copy(admins.get(AIRPORT), atLeast);
        Optional<JsonNode> land = copy(admins.get(LAND), atLeast);
        if (airport.isEmpty() || land.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Math.min(airport.get().path("version").asLong(), land.get().path("version").asLong()));
    }

    /** The post's copy of the list once it is at {@code version} or later, from its sync status. */
    private static Optional<JsonNode> copy(NodeApi admin, long version) throws IOException, InterruptedException {
        for (JsonNode reference : admin.get("/api/sync/status").path("references")) {
            if (reference.path("dataset").asText().equals(DATASET) && reference.path("version").asLong() >= version) {
                return Optional.of(reference);
            }
        }
        return Optional.empty();
    }
}
