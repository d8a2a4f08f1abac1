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
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.ibex.demo.OfflinePostStory.AIRPORT;
import static org.ibex.demo.OfflinePostStory.HQ;
import static org.ibex.demo.OfflinePostStory.LAND;
import static org.ibex.demo.OfflinePostStory.PASSWORD;

/**
 * The federation demo's withdrawn overstay alert: the airport's supervisor records, from the paper register, an
 * entry of 100 days ago; headquarters raises an overstay alert (90 days in any 180); the land post's supervisor
 * then records the exit of 95 days ago that its paper log kept while the link was down, and headquarters withdraws
 * the alert with the reason. Followed hop by hop through the nodes' HTTP APIs.
 */
public final class WithdrawnAlertStory {
    public static final String HQ_ANALYST = OfflinePostStory.HQ_ANALYST;
    private static final Map<String, String> POST_IDS = Map.of(AIRPORT, "UTO-AIR", LAND, "UTO-LAND");
    private static final String SURNAME = "HALVORSEN";

    private final StoryTimeline timeline;
    private final long run = System.currentTimeMillis();

    public WithdrawnAlertStory(PrintStream out, Duration timeout) {
        this.timeline = new StoryTimeline(out, timeout);
    }

    /** The supervisor's login at a post node: supervisors record what the paper registers kept, with the reason. */
    public static String supervisor(String node) {
        return POST_IDS.get(node).toLowerCase().replace("uto-", "") + ".supervisor";
    }

    /** A post node's supervisor, seeded before its first start; other nodes need none. */
    static void seed(String node, Node opened) {
        if (!POST_IDS.containsKey(node)) {
            return;
        }
        opened.services.accounts().seed(Operator.actor("federation demo set-up"), new User(supervisor(node),
                Role.SUPERVISOR, POST_IDS.get(node)), PASSWORD);
    }

    /** Records the old entry and the late exit, following the alert at headquarters from its raise to its end. */
    public void run(Map<String, NodeApi> admins) throws IOException, InterruptedException {
        NodeApi analyst = new NodeApi(HQ + " analyst", admins.get(HQ).baseUrl());
        analyst.login(HQ_ANALYST, PASSWORD);
        // A passport of its own on each run (number and birth date), so that a demo run again starts a new stay.
        LocalDate born = LocalDate.of(1985, 1, 1).plusDays(run / 1000 % 3650);
        String mrz = MrzWriter.td3("NOR", SURNAME, "INGRID", "NO" + String.format("%07d", run % 10_000_000), "NOR",
                born, "F", LocalDate.of(2034, 1, 1), null);
        timeline.begin();
        Instant now = Instant.now();
        record(admins, AIRPORT, "ENTRY", mrz, now.minus(Duration.ofDays(100)),
                "copied from the airport's paper register of an outage day");
        JsonNode raised = timeline.await(() -> alert(analyst, born, "open"), HQ + " to raise an overstay alert");
        timeline.add(NodeApi.instant(raised, "raisedAt").orElseThrow(), "overstay alert raised at " + HQ + ": "
                + raised.path("overstayDays").asInt() + " days over (" + raised.path("rule").asText() + "), "
                + raised.path("raisedBy").asText());
        record(admins, LAND, "EXIT", mrz, now.minus(Duration.ofDays(95)),
                "kept in the land post's paper log while its link was down");
        long id = raised.path("id").asLong();
        JsonNode withdrawn = timeline.await(() -> alert(analyst, born, "withdrawn")
                .filter(a -> a.path("id").asLong() == id), HQ + " to withdraw the overstay alert");
        timeline.add(NodeApi.instant(withdrawn, "withdrawnAt").orElseThrow(), "overstay alert withdrawn at " + HQ
                + ": " + withdrawn.path("withdrawnReason").asText());
        timeline.print("an entry 100 days ago raises an overstay alert at " + HQ + "; the land post's late exit"
                + " withdraws it");
    }

    /** Records a crossing at {@code node} as its supervisor, late with the reason. */
    private void record(Map<String, NodeApi> admins, String node, String direction, String mrz, Instant at,
                            String lateReason) throws IOException, InterruptedException {
        NodeApi supervisor = new NodeApi(node + " supervisor", admins.get(node).baseUrl());
        supervisor.login(supervisor(node), PASSWORD);
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("uid", "demo-alert-" + direction.toLowerCase() + "-" + Long.toString(run, 36));
        request.put("direction", direction);
        request.put("postId", POST_IDS.get(node));
        request.put("occurredAt", at.toString());
        request.put("mrz", mrz);
        request.put("lateReason", lateReason);
        supervisor.post("/api/crossings", request);
        timeline.add(direction.toLowerCase() + " of " + SURNAME + " INGRID on " + at.toString().substring(0, 10)
                + " recorded late at " + node + " (" + lateReason + ")");
    }

    /** The newest alert at headquarters of the traveller born on {@code born}, in {@code state}, if any. */
    private static Optional<JsonNode> alert(NodeApi analyst, LocalDate born, String state)
            throws IOException, InterruptedException {
        for (JsonNode alert : analyst.get("/api/overstay-alerts?state=all&limit=100")) {
            JsonNode person = alert.path("person");
            if (person.path("surname").asText().equals(SURNAME) && person.path("dateOfBirth").asText()
                    .equals(born.toString()) && alert.path("state").asText().equals(state)) {
                return Optional.of(alert);
            }
        }
        return Optional.empty();
    }
}
