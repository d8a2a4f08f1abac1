package org.ibex.demo;

import com.fasterxml.jackson.databind.JsonNode;
import org.ibex.access.Role;
import org.ibex.access.User;
import org.ibex.border.Post;
import org.ibex.document.MrzWriter;
import org.ibex.node.Node;
import org.ibex.node.Operator;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The federation demo's first pillar: with headquarters not yet started, a traveller enters at the airport post and
 * leaves by the land post, each post recording offline; headquarters starts, catches up, and shows the stay the
 * airport began ended by the land post. Followed hop by hop through the nodes' HTTP APIs.
 */
public final class OfflinePostStory {
    public static final String HQ = "UTO/IMM/HQ";
    public static final String AIRPORT = "UTO/IMM/POST-AIRPORT";
    public static final String LAND = "UTO/IMM/POST-LAND";
    /** Demo password of the officers and the analyst below; the nodes listen on loopback only. */
    public static final String PASSWORD = "demo-officer-pass";
    public static final String HQ_ANALYST = "hq.analyst";
    static final Post AIR_POST = new Post("UTO-AIR", "Utopia International Airport", Post.Kind.AIRPORT,
            ZoneId.of("Europe/Vilnius"));
    private static final Post LAND_POST = new Post("UTO-LAND", "Northern Highway Land Crossing", Post.Kind.LAND,
            ZoneId.of("Europe/Vilnius"));
    /** The border post each post node serves, and its officer. */
    private static final Map<String, Post> POSTS = Map.of(AIRPORT, AIR_POST, LAND, LAND_POST);
    private static final String MRZ = MrzWriter.td3("XXB", "OKONKWO", "AMARA", "XB4410273", "XXB",
            LocalDate.of(1988, 3, 14), "F", LocalDate.of(2034, 6, 30), null);

    private final StoryTimeline timeline;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    private String exitUid;

    public OfflinePostStory(PrintStream out, Duration timeout) {
        this.timeline = new StoryTimeline(out, timeout);
    }

    /** The officer's login at a post node. */
    public static String officer(String node) {
        return POSTS.get(node).id().toLowerCase().replace("uto-", "") + ".officer";
    }

    /**
     * What a new node of the story needs before its first start, as its operator would add it: a post node its
     * border post and an officer, headquarters an analyst.
     */
    static void seed(String node, Node opened) {
        Post post = POSTS.get(node);
        if (post != null) {
            opened.services.posts().add(post);
            opened.services.accounts().seed(Operator.actor("federation demo set-up"), new User(officer(node),
                    Role.OFFICER, post.id()), PASSWORD);
        } else if (HQ.equals(node)) {
            opened.services.accounts().seed(Operator.actor("federation demo set-up"), new User(HQ_ANALYST,
                    Role.ANALYST, null), PASSWORD);
        }
    }

    /** With headquarters down: the entry at the airport, the exit at the land post, each waiting for headquarters. */
    public void recordOffline(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        timeline.begin();
        crossing(admins.get(AIRPORT), AIRPORT, "ENTRY", "entry");
        exitUid = crossing(admins.get(LAND), LAND, "EXIT", "exit");
        for (String post : List.of(AIRPORT, LAND)) {
            long backlog = timeline.await(() -> {
                long b = admins.get(post).backlog(HQ);
                return b > 0 ? Optional.of(b) : Optional.empty();
            }, post + " to queue its records for " + HQ);
            timeline.add(post + " holds " + backlog + " batch" + (backlog == 1 ? "" : "es")
                    + " for " + HQ + ", which is down");
        }
    }

    /** Headquarters is up since {@code started}: follows both batches into it and reads the traveller's stay there. */
    public void followCatchUp(Instant started, Map<String, NodeApi> admins) throws IOException, InterruptedException {
        timeline.add(started, HQ + " started");
        NodeApi hq = admins.get(HQ);
        for (String post : List.of(AIRPORT, LAND)) {
            JsonNode batch = timeline.await(() -> processedBatch(hq, post, started), HQ + " to process the records of "
                    + post);
            timeline.add(NodeApi.instant(batch, "receivedAt").orElseThrow(), "batch stored in the inbox of " + HQ
                    + " from " + post);
            timeline.add(NodeApi.instant(batch, "processedAt").orElseThrow(), "processed at " + HQ + ": "
                    + batch.path("outcome").asText());
            timeline.await(() -> admins.get(post).backlog(HQ) == 0 ? Optional.of(true) : Optional.empty(),
                    post + " to see the receipt of " + HQ);
            timeline.add("receipt seen at " + post + " (backlog to " + HQ + " is 0)");
        }
        NodeApi analyst = new NodeApi(HQ + " analyst", hq.baseUrl());
        analyst.login(HQ_ANALYST, PASSWORD);
        JsonNode exit = timeline.await(() -> find(analyst.get("/api/crossings?limit=100"), exitUid),
                HQ + " to hold the exit " + exitUid);
        JsonNode stay = analyst.get("/api/persons/" + exit.path("personId").asLong() + "/stay");
        JsonNode status = stay.path("status");
        timeline.add(HQ + " shows the stay of " + stay.path("person").path("surname").asText()
                + " " + stay.path("person").path("givenNames").asText() + (status.path("present").asBoolean()
                ? " still open" : " ended") + ": entered at " + AIR_POST.id() + ", left at "
                + exit.path("postId").asText() + " (present=" + status.path("present").asBoolean() + ", days used "
                + status.path("daysUsed").asInt() + ")");
        timeline.print("a traveller enters at the airport and leaves by land while " + HQ + " is down; both posts"
                + " record offline and " + HQ + " catches up when it starts");
    }

    private String crossing(NodeApi admin, String node, String direction, String what)
            throws IOException, InterruptedException {
        Post post = POSTS.get(node);
        NodeApi officer = new NodeApi(node + " officer", admin.baseUrl());
        officer.login(officer(node), PASSWORD);
        String uid = "demo-" + what + "-" + run;
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", uid);
        request.put("direction", direction);
        request.put("postId", post.id());
        request.put("mrz", MRZ);
        JsonNode recorded = officer.post("/api/crossings", request).path("crossing");
        timeline.add(what + " of OKONKWO AMARA recorded at " + node + " (" + post.id()
                + ", crossing " + recorded.path("id").asLong() + ", " + recorded.path("decision").asText() + ")");
        return uid;
    }

    private static Optional<JsonNode> processedBatch(NodeApi hq, String post, Instant since)
            throws IOException, InterruptedException {
        for (JsonNode entry : hq.get("/api/exchange/inbox?limit=100")) {
            if (entry.path("type").asText().equals("records.batch") && entry.path("sender").asText().equals(post)
                    && NodeApi.instant(entry, "processedAt").isPresent()
                    && !NodeApi.instant(entry, "receivedAt").orElseThrow().isBefore(since)) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    private static Optional<JsonNode> find(JsonNode crossings, String uid) {
        for (JsonNode crossing : crossings) {
            if (crossing.path("uid").asText().equals(uid)) {
                return Optional.of(crossing);
            }
        }
        return Optional.empty();
    }
}
